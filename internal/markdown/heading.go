package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/plansite/plansite/internal/chars"
)

// shiftHeadings moves headings so that the document's top level (the level
// of its first heading, # or ## as most Markdown guides write it) becomes
// h(HeadingBase), gives them ids by position ("sec-1", "sec-1-2") and
// records them. A heading above the top level, a skipped level or a level
// deeper than h6 is an error.
func shiftHeadings(doc ast.Node, source []byte, st *state) {
	base := st.page.HeadingBase
	if base <= 0 {
		base = 2
	}
	prefix := st.page.IDPrefix
	if prefix == "" {
		prefix = "sec"
	}
	var counters [7]int
	prev, top := 0, 0
	for _, h := range collectHeadings(doc) {
		if top == 0 {
			top = min(h.Level, 2)
		}
		if !checkLevel(h, prev, top, base, st) {
			continue
		}
		if chars.IsBlank(plainText(h, source)) {
			st.errorNode(h, "empty heading", "write the section's title after the #, or remove the #")
		}
		prev = h.Level
		rel := h.Level - top + 1 // 1 for the top level
		counters[rel]++
		clear(counters[rel+1:])
		id := headingID(prefix, counters[1:rel+1])
		h.Level = min(rel+base-1, 6)
		h.SetAttributeString("id", []byte(id))
		st.headings = append(st.headings, Heading{Level: h.Level, ID: id, Text: plainText(h, source)})
	}
}

// checkLevel records an error when heading h may not follow a heading of
// level prev (0: none yet) in a document whose top level is top, and
// reports whether h is usable.
func checkLevel(h *ast.Heading, prev, top, base int, st *state) bool {
	marks := strings.Repeat("#", h.Level)
	switch {
	case prev == 0 && h.Level > top:
		st.errorNode(h, "the first heading is "+marks+", not # or ##",
			"start the sections with # or ##, which becomes h"+strconv.Itoa(base))
	case h.Level < top:
		st.errorNode(h, "heading "+marks+" is above the chapter's top level "+strings.Repeat("#", top),
			"the chapter starts its sections with "+strings.Repeat("#", top)+": use it here too")
		return false
	case h.Level > prev+1 && prev > 0:
		st.errorNode(h, "heading level skipped: "+marks+" after "+strings.Repeat("#", prev),
			"use "+strings.Repeat("#", prev+1)+" here")
	}
	if out := h.Level - top + base; out > 6 {
		st.errorNode(h, "heading "+marks+" would become h"+strconv.Itoa(out)+", deeper than h6",
			"use at most "+strings.Repeat("#", 6-base+top)+" here")
	}
	return true
}

func collectHeadings(doc ast.Node) []*ast.Heading {
	var out []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			out = append(out, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// headingID joins the section numbers: sec-1-2.
func headingID(prefix string, numbers []int) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, n := range numbers {
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}
