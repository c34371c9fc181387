package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/plansite/plansite/internal/chars"
)

// shiftHeadings moves headings down so that # becomes h(HeadingBase), gives
// them ids by position ("sec-1", "sec-1-2") and records them. A first
// heading that is not #, a skipped level or a level deeper than h6 is an
// error.
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
	prev := 0
	for _, h := range collectHeadings(doc) {
		checkLevel(h, prev, base, st)
		if chars.IsBlank(plainText(h, source)) {
			st.errorNode(h, "empty heading", "write the section's title after the #, or remove the #")
		}
		prev = h.Level
		counters[h.Level]++
		clear(counters[h.Level+1:])
		id := headingID(prefix, counters[1:h.Level+1])
		h.Level = min(h.Level+base-1, 6)
		h.SetAttributeString("id", []byte(id))
		st.headings = append(st.headings, Heading{Level: h.Level, ID: id, Text: plainText(h, source)})
	}
}

// checkLevel records an error when heading h may not follow a heading of
// level prev (0: none yet).
func checkLevel(h *ast.Heading, prev, base int, st *state) {
	marks := strings.Repeat("#", h.Level)
	switch {
	case prev == 0 && h.Level != 1:
		st.errorNode(h, "the first heading is "+marks+", not #", "start the sections with #, which becomes h"+strconv.Itoa(base))
	case h.Level > prev+1 && prev > 0:
		st.errorNode(h, "heading level skipped: "+marks+" after "+strings.Repeat("#", prev),
			"use "+strings.Repeat("#", prev+1)+" here")
	}
	if out := h.Level + base - 1; out > 6 {
		st.errorNode(h, "heading "+marks+" would become h"+strconv.Itoa(out)+", deeper than h6",
			"use at most "+strings.Repeat("#", 7-base)+" here")
	}
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
