package markdown

import (
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindTermLink is the AST node kind of a glossary link.
var kindTermLink = ast.NewNodeKind("TermLink")

// termLink links a glossary term to its explanation. Its Text child may
// still get automatic furigana.
type termLink struct {
	ast.BaseInline
	Href string
}

// Kind implements ast.Node.
func (n *termLink) Kind() ast.NodeKind { return kindTermLink }

// Dump implements ast.Node.
func (n *termLink) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Href": n.Href}, nil)
}

// linkTerms links the first occurrence on the page of each glossary term in
// prose text (not in headings, links, code, images or raw HTML). Where
// terms overlap, the longer one wins.
func linkTerms(doc ast.Node, source []byte, st *state) {
	p := st.page
	if len(p.Terms) == 0 {
		return
	}
	if p.Used == nil {
		p.Used = map[string]bool{}
	}
	terms := sortedTerms(p.Terms)
	skip := func(n ast.Node) bool {
		k := n.Kind()
		return isCodeOrRaw(n) || k == ast.KindHeading || k == ast.KindLink || k == kindTermLink
	}
	for _, t := range collectText(doc, skip) {
		splitText(t, termCuts(t, source, terms, p.Used))
	}
}

// sortedTerms returns the non-empty terms, longest first.
func sortedTerms(terms []Term) []Term {
	out := make([]Term, 0, len(terms))
	for _, t := range terms {
		if t.Term != "" {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Term) > len(out[j].Term) })
	return out
}

// termCuts chooses the term links in one Text node and marks their terms
// used: longer terms first, each term once, no overlaps.
func termCuts(t *ast.Text, source []byte, terms []Term, used map[string]bool) []cut {
	s := string(t.Segment.Value(source))
	var cuts []cut
	for _, term := range terms {
		if used[term.Term] {
			continue
		}
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], term.Term)
			if i < 0 {
				break
			}
			start, stop := from+i, from+i+len(term.Term)
			if !overlaps(cuts, t.Segment.Start+start, t.Segment.Start+stop) {
				cuts = append(cuts, termCut(t.Segment.Start+start, t.Segment.Start+stop, term.Href))
				used[term.Term] = true
				break
			}
			from = start + 1
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	return cuts
}

func overlaps(cuts []cut, start, stop int) bool {
	for _, c := range cuts {
		if start < c.stop && c.start < stop {
			return true
		}
	}
	return false
}

func termCut(start, stop int, href string) cut {
	link := &termLink{Href: href}
	link.AppendChild(link, ast.NewTextSegment(text.NewSegment(start, stop)))
	return cut{start: start, stop: stop, node: link}
}

// renderTermLink writes <a class="term" href="…">.
func renderTermLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	n := node.(*termLink)
	_, _ = w.WriteString(`<a class="term" href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(n.Href), true)))
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}
