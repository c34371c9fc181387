package markdown

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// captionPrefixes start a caption paragraph right before a table.
var captionPrefixes = []string{"表:", "表：", "Table:"}

var (
	kindCaption   = ast.NewNodeKind("Caption")
	kindTableWrap = ast.NewNodeKind("TableWrap")
)

// captionNode is a table's <caption>; its children are the inline content
// of the caption paragraph.
type captionNode struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *captionNode) Kind() ast.NodeKind { return kindCaption }

// Dump implements ast.Node.
func (n *captionNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// tableWrap is the scrolling region around a table, labelled by its caption
// (Label) or, for a table without one, by the heading with id LabelledBy.
type tableWrap struct {
	ast.BaseBlock
	Label      string
	LabelledBy string
}

// Kind implements ast.Node.
func (n *tableWrap) Kind() ast.NodeKind { return kindTableWrap }

// Dump implements ast.Node.
func (n *tableWrap) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.Label, "LabelledBy": n.LabelledBy}, nil)
}

// captionTables moves the caption paragraph of each table into the table,
// wraps the table in a scrolling region and marks header cells
// scope="col". A table without a caption is labelled by the nearest
// heading above it, with a warning (an error when captions are required);
// without a heading above it, it is an error.
func captionTables(doc ast.Node, source []byte, st *state, require bool) {
	for _, t := range tablesWithHeadings(doc) {
		markHeaderCells(t.table)
		if stacks(t.table) {
			markStacked(t.table)
		}
		wrap := &tableWrap{}
		if caption := takeCaption(t.table, source); caption != nil {
			t.table.InsertBefore(t.table, t.table.FirstChild(), caption)
			wrap.Label = plainText(caption, source)
		} else if !labelByHeading(t, wrap, st, require) {
			continue
		}
		parent := t.table.Parent()
		parent.ReplaceChild(parent, t.table, wrap)
		wrap.AppendChild(wrap, t.table)
	}
}

// captionHint says how to add a caption.
const captionHint = "write a line 表: キャプション right before the table"

// labelByHeading labels an uncaptioned table by the heading above it and
// reports it; it returns false when there is no such heading.
func labelByHeading(t tableAt, wrap *tableWrap, st *state, require bool) bool {
	id := ""
	if t.heading != nil {
		if v, ok := t.heading.AttributeString("id"); ok {
			b, _ := v.([]byte)
			id = string(b)
		}
	}
	if id == "" {
		st.errorNode(t.table, "table without a caption and without a heading above it", captionHint)
		return false
	}
	if require {
		st.errorNode(t.table, "table without a caption (captions are required)", captionHint)
		return false
	}
	st.warnNode(t.table, "table without a caption: labelled by the heading above it", captionHint)
	wrap.LabelledBy = id
	t.table.SetAttributeString("aria-labelledby", []byte(id))
	return true
}

// tableAt is a table and the last heading before it (nil: none).
type tableAt struct {
	table   *east.Table
	heading *ast.Heading
}

func tablesWithHeadings(doc ast.Node) []tableAt {
	var out []tableAt
	var last *ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			last = n
			return ast.WalkSkipChildren, nil
		case *east.Table:
			out = append(out, tableAt{n, last})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// takeCaption removes the caption paragraph before t and returns its
// content as a caption node, or nil when there is none.
func takeCaption(t *east.Table, source []byte) *captionNode {
	para, ok := t.PreviousSibling().(*ast.Paragraph)
	if !ok {
		return nil
	}
	first, ok := para.FirstChild().(*ast.Text)
	if !ok {
		return nil
	}
	rest, ok := cutCaptionPrefix(string(first.Segment.Value(source)))
	if !ok {
		return nil
	}
	first.Segment = first.Segment.WithStart(first.Segment.Stop - len(rest))
	if first.Segment.Len() == 0 && first.NextSibling() == nil {
		return nil // 表: with nothing after it
	}
	caption := &captionNode{}
	for c := para.FirstChild(); c != nil; {
		next := c.NextSibling()
		caption.AppendChild(caption, c)
		c = next
	}
	para.Parent().RemoveChild(para.Parent(), para)
	return caption
}

// cutCaptionPrefix returns s after a caption prefix and the spaces after it.
func cutCaptionPrefix(s string) (string, bool) {
	for _, p := range captionPrefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return strings.TrimLeftFunc(rest, unicode.IsSpace), true
		}
	}
	return s, false
}

func markHeaderCells(t *east.Table) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() != east.KindTableHeader {
			continue
		}
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			c.SetAttributeString("scope", []byte("col"))
		}
	}
}

func renderCaption(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<caption>")
	} else {
		_, _ = w.WriteString("</caption>\n")
	}
	return ast.WalkContinue, nil
}

func renderTableWrap(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*tableWrap)
	_, _ = w.WriteString(`<div class="table-wrap" tabindex="0" role="region" `)
	if n.LabelledBy != "" {
		_, _ = w.WriteString(`aria-labelledby="`)
		writeEscaped(w, n.LabelledBy)
	} else {
		_, _ = w.WriteString(`aria-label="`)
		writeEscaped(w, n.Label)
	}
	_, _ = w.WriteString("\">\n")
	return ast.WalkContinue, nil
}

// tableAttributes are the attributes a table may carry: goldmark's list and
// aria-labelledby, which names an uncaptioned table after its heading, and
// data-stack, which marks a table that stacks at narrow widths.
var tableAttributes = extension.TableAttributeFilter.ExtendString("aria-labelledby,data-stack")

// renderTable writes <table> with its attributes.
func renderTable(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<table")
	html.RenderAttributes(w, n, tableAttributes)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}
