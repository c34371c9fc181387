package markdown

import (
	"bufio"
	"bytes"
	"html/template"
	"regexp"
	"strconv"

	"github.com/plansite/plansite/internal/wareki"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindWareki is a date or fiscal year in the Japanese era calendar.
var kindWareki = ast.NewNodeKind("Wareki")

// warekiNode holds the printed pieces of [[fy:2026]] or [[date:2019-05-01]]
// as children: ruby over the kanji (a reading aid) and plain text.
type warekiNode struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *warekiNode) Kind() ast.NodeKind { return kindWareki }

// Dump implements ast.Node.
func (n *warekiNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// warekiMax is the longest the syntax can be, in bytes; only that much of
// the line is looked at, so that a line full of "[[fy:" stays linear.
const warekiMax = 64

// warekiRe matches the whole syntax at the start of a line.
var warekiRe = regexp.MustCompile(`^\[\[\s*(fy|date)\s*:\s*([^\]\s]*)\s*\]\]`)

// warekiParser parses [[fy:2026]] (令和8（2026）年度) and
// [[date:2019-05-01]] (令和元年5月1日). It runs before the link parser;
// anything else that starts with [ is left to it.
type warekiParser struct{ rule wareki.Rule }

// Trigger implements parser.InlineParser.
func (warekiParser) Trigger() []byte { return []byte{'['} }

// Parse implements parser.InlineParser. A bad year or date is an error,
// and the text is kept as written.
func (p warekiParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	m := warekiRe.FindSubmatch(line[:min(len(line), warekiMax)])
	if m == nil {
		return nil
	}
	pieces, err := p.pieces(string(m[1]), string(m[2]))
	if err != nil {
		getState(pc).errorAt(seg.Start, err.Error(), "write [[fy:2026]] for a fiscal year or [[date:2019-05-01]] for a day, 明治 or later")
		return nil
	}
	block.Advance(len(m[0]))
	n := &warekiNode{}
	for _, pc := range pieces {
		if pc.Reading == "" {
			n.AppendChild(n, ast.NewString([]byte(pc.Text)))
			continue
		}
		n.AppendChild(n, &rubyNode{Base: pc.Text, Readings: []string{pc.Reading}, Furi: true})
	}
	return n
}

func (p warekiParser) pieces(kind, arg string) ([]wareki.Piece, error) {
	if kind == "fy" {
		fy, err := strconv.Atoi(arg)
		if err != nil {
			return nil, &parseError{"[[fy:" + arg + "]]: " + strconv.Quote(arg) + " is not a year"}
		}
		return wareki.FiscalYearPieces(fy, p.rule)
	}
	d, err := wareki.ParseDate(arg)
	if err != nil {
		return nil, &parseError{"[[date:" + arg + "]]: " + strconv.Quote(arg) + " is not a date"}
	}
	return wareki.DatePieces(d)
}

type parseError struct{ msg string }

func (e *parseError) Error() string { return e.msg }

func renderWareki(_ util.BufWriter, _ []byte, _ ast.Node, _ bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}

// WarekiHTML renders pieces of a date or fiscal year as the [[fy:…]]
// syntax does: the kanji with their readings as reading aids. Templates
// use it.
func WarekiHTML(ps []wareki.Piece) template.HTML {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	for _, p := range ps {
		if p.Reading == "" {
			writeEscaped(w, p.Text)
			continue
		}
		_, _ = renderRuby(w, nil, &rubyNode{Base: p.Text, Readings: []string{p.Reading}, Furi: true}, true)
	}
	_ = w.Flush()
	return template.HTML(buf.String()) // #nosec G203 -- every text is escaped
}
