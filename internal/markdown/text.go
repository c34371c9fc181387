package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// cut replaces the bytes [start, stop) of a Text node's segment by node.
type cut struct {
	start, stop int // absolute offsets in the source
	node        ast.Node
}

// splitText replaces t by plain Text pieces and the cut nodes, in order.
// Cuts must be sorted, not overlap and lie inside t.Segment. The line
// break of t moves to a (possibly empty) last Text piece.
func splitText(t *ast.Text, cuts []cut) {
	if len(cuts) == 0 {
		return
	}
	parent := t.Parent()
	pos := t.Segment.Start
	add := func(n ast.Node) { parent.InsertBefore(parent, t, n) }
	for _, c := range cuts {
		if c.start > pos {
			add(textPiece(t, pos, c.start))
		}
		add(c.node)
		pos = c.stop
	}
	if pos < t.Segment.Stop || t.SoftLineBreak() || t.HardLineBreak() {
		last := textPiece(t, pos, t.Segment.Stop)
		last.SetSoftLineBreak(t.SoftLineBreak())
		last.SetHardLineBreak(t.HardLineBreak())
		add(last)
	}
	parent.RemoveChild(parent, t)
}

// textPiece returns a Text node for [start, stop) with t's raw flag.
func textPiece(t *ast.Text, start, stop int) *ast.Text {
	n := ast.NewTextSegment(text.NewSegment(start, stop))
	n.SetRaw(t.IsRaw())
	return n
}

// collectText returns the non-raw Text nodes under root in document order,
// not descending into nodes for which skip is true.
func collectText(root ast.Node, skip func(ast.Node) bool) []*ast.Text {
	var out []*ast.Text
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if skip(n) {
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok && !t.IsRaw() {
			out = append(out, t)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// isCodeOrRaw reports nodes whose content is never prose: code, raw HTML,
// autolinks, image alt text and ruby.
func isCodeOrRaw(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
		ast.KindRawHTML, ast.KindAutoLink, ast.KindImage, kindRuby:
		return true
	}
	return false
}

// plainText returns the text of n as a reader sees it without ruby:
// escapes and entities resolved, ruby reduced to its base.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			if !c.IsRaw() {
				v = decode(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *rubyNode:
			b.WriteString(c.Base)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				b.Write(s.Value(source))
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// decode resolves backslash escapes and character references as goldmark's
// writer does.
func decode(v []byte) []byte {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// renderText writes a Text node like goldmark does, with the east Asian
// line break rule: a soft line break next to a wide character (Japanese
// text wrapped in the source, "です。" then "21人") is dropped instead of
// becoming a space; between two narrow characters it stays.
func renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	v := n.Segment.Value(source)
	if n.IsRaw() {
		html.DefaultWriter.RawWrite(w, v)
		return ast.WalkContinue, nil
	}
	html.DefaultWriter.Write(w, v)
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak():
		before, ok1 := lastRune(n, source)
		after, ok2 := firstRune(n.NextSibling(), source)
		if !(ok1 && ok2 && (util.IsEastAsianWideRune(before) || util.IsEastAsianWideRune(after))) {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

// lastRune returns the last character shown before the end of n, looking
// back through previous siblings when n is empty.
func lastRune(n ast.Node, source []byte) (rune, bool) {
	for ; n != nil; n = n.PreviousSibling() {
		if s := shownText(n, source, false); s != "" {
			r, _ := utf8.DecodeLastRuneInString(s)
			return r, true
		}
	}
	return 0, false
}

// firstRune returns the first character shown from n on.
func firstRune(n ast.Node, source []byte) (rune, bool) {
	for ; n != nil; n = n.NextSibling() {
		if s := shownText(n, source, true); s != "" {
			r, _ := utf8.DecodeRuneInString(s)
			return r, true
		}
	}
	return 0, false
}

// shownText returns the text at the start (first) or end of n.
func shownText(n ast.Node, source []byte, first bool) string {
	switch n := n.(type) {
	case *ast.Text:
		return string(n.Segment.Value(source))
	case *rubyNode:
		return n.Base
	}
	c := n.LastChild()
	if first {
		c = n.FirstChild()
	}
	if c == nil {
		return ""
	}
	if first {
		if r, ok := firstRune(c, source); ok {
			return string(r)
		}
	} else if r, ok := lastRune(c, source); ok {
		return string(r)
	}
	return ""
}
