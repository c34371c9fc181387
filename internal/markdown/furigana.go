package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// addFurigana splits prose Text nodes into text and automatic ruby
// (<ruby class="furi">) with the page's Annotator. Code, raw HTML, image
// alt text and author ruby are left alone; link text and glossary links get
// furigana too. It runs after linkTerms.
func addFurigana(doc ast.Node, source []byte, st *state) {
	ann := st.page.Annotator
	if ann == nil {
		return
	}
	for _, t := range collectText(doc, isCodeOrRaw) {
		splitText(t, furiganaCuts(t, source, ann))
	}
}

// furiganaCuts returns a ruby node for each annotated piece of t, or none
// when the pieces do not add up to the text.
func furiganaCuts(t *ast.Text, source []byte, ann Annotator) []cut {
	s := string(t.Segment.Value(source))
	if s == "" {
		return nil
	}
	pieces := ann.Annotate(s)
	var cuts []cut
	pos := 0
	for _, p := range pieces {
		if !strings.HasPrefix(s[pos:], p.Base) {
			return nil // the annotator changed the text: keep it as it is
		}
		start := t.Segment.Start + pos
		pos += len(p.Base)
		if p.Reading == "" || p.Base == "" || strings.ContainsAny(p.Base, `\&`) {
			continue // plain text, or a piece that holds escapes
		}
		node := &rubyNode{Base: p.Base, Readings: []string{p.Reading}, Furi: true, Silent: p.Hidden}
		cuts = append(cuts, cut{start: start, stop: start + len(p.Base), node: node})
	}
	if pos != len(s) {
		return nil
	}
	return cuts
}
