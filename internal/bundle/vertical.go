package bundle

import (
	_ "embed"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

//go:embed epub-vertical.css
var verticalCSS []byte

// VerticalTitleSuffix is added to Meta.Title for the 縦書き edition.
const VerticalTitleSuffix = "（縦書き）"

// tcyClass marks numbers set upright in vertical lines (epub-vertical.css).
const tcyClass = "tcy"

// tateChuYoko sets every number of one or two ASCII digits under n
// upright in vertical lines (縦中横): it wraps it in <span class="tcy">.
// Longer numbers (years) and numbers with a decimal point or thousands
// separator stay as they are; ruby readings and tables (which stay
// horizontal) are left alone.
func tateChuYoko(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode:
			splitShortNumbers(c)
		case c.Type == html.ElementNode && c.Namespace == "" && !skipTCY[c.DataAtom] && !hasClass(c, tcyClass):
			tateChuYoko(c)
		}
		c = next
	}
}

var skipTCY = map[atom.Atom]bool{atom.Rt: true, atom.Rp: true, atom.Table: true, atom.Script: true, atom.Style: true}

// splitShortNumbers replaces the text node t by text and tcy spans.
func splitShortNumbers(t *html.Node) {
	s := t.Data
	var parts []*html.Node
	last := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i <= 2 && !numberGlue(s, i-1) && !numberGlue(s, j) {
			if last < i {
				parts = append(parts, &html.Node{Type: html.TextNode, Data: s[last:i]})
			}
			span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span, Attr: []html.Attribute{{Key: "class", Val: tcyClass}}}
			span.AppendChild(&html.Node{Type: html.TextNode, Data: s[i:j]})
			parts = append(parts, span)
			last = j
		}
		i = j
	}
	if len(parts) == 0 {
		return
	}
	if last < len(s) {
		parts = append(parts, &html.Node{Type: html.TextNode, Data: s[last:]})
	}
	for _, p := range parts {
		t.Parent.InsertBefore(p, t)
	}
	t.Parent.RemoveChild(t)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// numberGlue tells whether s[i] joins digits into a longer number: a
// decimal point or a thousands separator.
func numberGlue(s string, i int) bool {
	return i >= 0 && i < len(s) && strings.IndexByte(".,", s[i]) >= 0
}
