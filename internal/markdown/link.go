package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// resolveLinks requires text on every link and passes every link
// destination except a pure fragment (#…) through Page.Resolve; a Resolve
// error is recorded at the link's line. Autolinks (<https://…>) are left
// as written, but only safe schemes are allowed.
func resolveLinks(doc ast.Node, source []byte, st *state) {
	checkAutoLinks(doc, source, st)
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		checkLinkText(l, source, st)
		if len(l.Destination) == 0 || strings.HasPrefix(string(l.Destination), "#") {
			continue
		}
		resolve(l, &l.Destination, st)
	}
}
