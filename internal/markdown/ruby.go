package markdown

import (
	"bytes"
	"errors"

	"github.com/plansite/plansite/internal/ruby"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindRuby is the AST node kind of author and automatic ruby.
var kindRuby = ast.NewNodeKind("Ruby")

// rubyNode is a ruby: Base with one reading over it or one per character.
// It has no children, so later transformers never look inside it.
type rubyNode struct {
	ast.BaseInline
	Base     string
	Readings []string
	Furi     bool // class="furi": automatic reading or author reading aid
	Silent   bool // a known reading the page does not show: rendered as plain text
}

// Kind implements ast.Node.
func (n *rubyNode) Kind() ast.NodeKind { return kindRuby }

// Dump implements ast.Node.
func (n *rubyNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Base": n.Base, "Readings": ruby.Reading(ruby.Segment{Readings: n.Readings})}, nil)
}

// rubyParser parses author ruby {漢字|かんじ} with ruby.ParseAt. Goldmark
// does not trigger it on an escaped \{.
type rubyParser struct{}

// Trigger implements parser.InlineParser.
func (rubyParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser. Malformed ruby is recorded as an
// error and its bytes are kept as text so that parsing goes on.
func (rubyParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	s, n, err := ruby.ParseAt(string(rubyCandidate(line)))
	if err != nil {
		msg, hint, off := err.Error(), "", 0
		var se *ruby.SyntaxError
		if errors.As(err, &se) {
			msg, hint, off = se.Msg, se.Hint, se.Offset
		}
		getState(pc).errorAt(seg.Start+off, msg, hint)
		block.Advance(n)
		return ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+n))
	}
	block.Advance(n)
	return &rubyNode{Base: s.Base, Readings: s.Readings, Furi: s.Aid}
}

// rubyCandidate returns the start of line up to and including the first
// brace or line end after the opening brace: all that ruby.ParseAt reads.
// Copying only this keeps a line full of braces linear.
func rubyCandidate(line []byte) []byte {
	if i := bytes.IndexAny(line[1:], "{}\r\n"); i >= 0 {
		return line[:i+2]
	}
	return line
}

// renderRuby writes <ruby>漢字<rp>（</rp><rt inert>かんじ</rt><rp>）</rp></ruby>,
// or one rt per character when there is one reading per character. The
// reading is inert: an aid to the eye, it stays out of find in page (高齢化
// is found under 高齢(こうれい)化), selection and the accessibility tree,
// with or without JavaScript.
func renderRuby(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*rubyNode)
	if n.Silent {
		writeEscaped(w, n.Base)
		return ast.WalkSkipChildren, nil
	}
	if n.Furi {
		_, _ = w.WriteString(`<ruby class="furi">`)
	} else {
		_, _ = w.WriteString("<ruby>")
	}
	if len(n.Readings) == 1 {
		writeEscaped(w, n.Base)
		writeRT(w, n.Readings[0])
	} else {
		i := 0
		for _, r := range n.Base {
			writeEscaped(w, string(r))
			if i < len(n.Readings) {
				writeRT(w, n.Readings[i])
			}
			i++
		}
	}
	_, _ = w.WriteString("</ruby>")
	return ast.WalkSkipChildren, nil
}

func writeRT(w util.BufWriter, reading string) {
	_, _ = w.WriteString("<rp>（</rp><rt inert>")
	writeEscaped(w, reading)
	_, _ = w.WriteString("</rt><rp>）</rp>")
}

func writeEscaped(w util.BufWriter, s string) {
	_, _ = w.Write(util.EscapeHTML([]byte(s)))
}
