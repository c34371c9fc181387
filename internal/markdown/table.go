package markdown

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
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

// tableWrap is the scrolling region around a table, labelled by its caption.
type tableWrap struct {
	ast.BaseBlock
	Label string
}

// Kind implements ast.Node.
func (n *tableWrap) Kind() ast.NodeKind { return kindTableWrap }

// Dump implements ast.Node.
func (n *tableWrap) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.Label}, nil)
}

// captionTables moves the caption paragraph of each table into the table,
// wraps the table in a scrolling region and marks header cells
// scope="col". A table without a caption is an error.
func captionTables(doc ast.Node, source []byte, st *state) {
	var tables []*east.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			tables = append(tables, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		caption := takeCaption(t, source)
		if caption == nil {
			st.errorNode(t, "table without a caption", "write a line 表: キャプション right before the table")
			continue
		}
		markHeaderCells(t)
		t.InsertBefore(t, t.FirstChild(), caption)
		wrap := &tableWrap{Label: plainText(caption, source)}
		parent := t.Parent()
		parent.ReplaceChild(parent, t, wrap)
		wrap.AppendChild(wrap, t)
	}
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
	_, _ = w.WriteString(`<div class="table-wrap" tabindex="0" role="region" aria-label="`)
	writeEscaped(w, node.(*tableWrap).Label)
	_, _ = w.WriteString("\">\n")
	return ast.WalkContinue, nil
}
