package markdown

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/plansite/plansite/internal/chars"
)

// schemeRe matches the scheme of an absolute URL (RFC 3986), the part
// before the first colon.
var schemeRe = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*):`)

// allowedSchemes are the URL schemes a plan may link to. javascript:,
// data:, file: and the like are refused: they run code or point into the
// reader's computer.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true, "picto": true}

// checkScheme records an error at n when dest has a scheme that a plan
// may not link to, and reports whether dest may be used.
func checkScheme(n ast.Node, dest string, st *state) bool {
	m := schemeRe.FindStringSubmatch(dest)
	if m == nil || allowedSchemes[strings.ToLower(m[1])] {
		return true
	}
	st.errorNode(n, "link to \""+dest+"\": only http:, https:, mailto: and tel: addresses and files of the site can be linked",
		"write the address of a web page, or a path to a file, such as 02-genjou.md")
	return false
}

// checkLinkText records an error for a link that has no text: a screen
// reader would announce only "link", or read the address.
func checkLinkText(l *ast.Link, source []byte, st *state) {
	if chars.IsBlank(plainText(l, source)) {
		st.errorNode(l, "link without text", "write the text a reader hears inside the brackets: [第3章 基本計画](03-kihon.md)")
	}
}

// checkAutoLinks refuses autolinks (<https://…>) whose scheme a plan may
// not link to, such as <javascript:…>.
func checkAutoLinks(doc ast.Node, source []byte, st *state) {
	var links []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.AutoLink); ok && entering && l.AutoLinkType == ast.AutoLinkURL {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		checkScheme(l, string(l.URL(source)), st)
	}
}

// maxNesting is the deepest nesting of Markdown elements (lists, quotes,
// emphasis, links) a page may have. Real plans need a few levels; HTML
// parsers, EPUB readers and screen readers give up long before 512.
const maxNesting = 50

// checkNesting records an error at the first element nested deeper than
// maxNesting levels.
func checkNesting(doc ast.Node, st *state) {
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		depth++
		if depth > maxNesting {
			st.errorNode(n, "text nested too deeply (more than "+strconv.Itoa(maxNesting)+" levels of lists, quotes or emphasis)",
				"flatten it: a plan needs only a few levels")
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
}
