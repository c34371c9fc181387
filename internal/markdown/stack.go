package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Stacked tables. At narrow widths the theme may show each row of a table
// marked data-stack as a block, each cell under its column's header. The
// headers come from here, the render stage: every body cell starts with a
// copy of its column's header (a cellLabel, <span data-th hidden
// aria-hidden="true">), which the theme shows only in the stacked layout;
// screen readers have the table's own headers. (ARIA roles on the parts of
// a native table are invalid HTML: the table keeps its own semantics.)
//
// An author's table stacks when it has at least three columns and a column
// after the first that is not right-aligned: a table of records. A table
// whose columns after the first are all right-aligned (---:, figures) is a
// grid of numbers to compare across, and keeps its columns (it scrolls
// sideways when it is too wide).

var kindCellLabel = ast.NewNodeKind("CellLabel")

// cellLabel is the copy of a column's header at the start of a body cell
// of a stacked table.
type cellLabel struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *cellLabel) Kind() ast.NodeKind { return kindCellLabel }

// Dump implements ast.Node.
func (n *cellLabel) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// stacks reports whether an author's table t stacks at narrow widths.
func stacks(t *east.Table) bool {
	if len(t.Alignments) < 3 {
		return false
	}
	for _, a := range t.Alignments[1:] {
		if a != east.AlignRight {
			return true
		}
	}
	return false
}

// markStacked marks table t as stacking at narrow widths.
func markStacked(t *east.Table) {
	t.SetAttributeString("data-stack", []byte(""))
}

// isStacked reports whether n is a table marked by markStacked.
func isStacked(n ast.Node) bool {
	_, ok := n.AttributeString("data-stack")
	return ok
}

// labelStackedCells starts every body cell of each stacked table with a
// copy of its column's header. It runs after addFurigana, so the copies
// carry the header's readings without a second analysis.
func labelStackedCells(doc ast.Node, source []byte) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if isStacked(t) {
			labelCells(t, source)
		}
		return ast.WalkSkipChildren, nil
	})
}

func labelCells(t *east.Table, source []byte) {
	var headers []ast.Node
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() == east.KindTableHeader {
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				headers = append(headers, c)
			}
			continue
		}
		if row.Kind() != east.KindTableRow {
			continue
		}
		i := 0
		for c := row.FirstChild(); c != nil && i < len(headers); c = c.NextSibling() {
			label := &cellLabel{}
			copyInline(label, headers[i], source)
			c.InsertBefore(c, c.FirstChild(), label)
			i++
		}
	}
}

// copyInline appends to dst copies of the inline content of src: text,
// strings and ruby as they are; links, emphasis and other wrappers are
// flattened to their content (a label holds no link); images and raw HTML
// are left out.
func copyInline(dst, src ast.Node, source []byte) {
	for c := src.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			t := ast.NewTextSegment(c.Segment)
			t.SetRaw(c.IsRaw())
			dst.AppendChild(dst, t)
		case *ast.String:
			s := ast.NewString(append([]byte(nil), c.Value...))
			s.SetCode(c.IsCode())
			s.SetRaw(c.IsRaw())
			dst.AppendChild(dst, s)
		case *rubyNode:
			dst.AppendChild(dst, &rubyNode{Base: c.Base, Readings: c.Readings, Furi: c.Furi, Silent: c.Silent})
		case *ast.Image, *ast.RawHTML:
		default:
			copyInline(dst, c, source)
		}
	}
}

func renderCellLabel(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<span data-th hidden aria-hidden="true">`)
	} else {
		_, _ = w.WriteString("</span>")
	}
	return ast.WalkContinue, nil
}
