package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Run is a piece of the text readers see: Text as shown, and Reading, its
// hiragana reading, when the furigana analyzer or the author gave one
// (whether the page shows it or not). Runs are the converted text for
// search and other outputs that need words, not markup: they come from the
// same analysis as the page's ruby, so text and readings line up by
// construction.
type Run struct {
	Text    string
	Reading string
}

// Section is the text of one part of a document: the part before the first
// top-level heading (ID "") or a top-level heading (h(HeadingBase)) and
// everything up to the next one. Title holds the heading's runs; Runs the
// whole section's, the heading's first. Blocks are separated by a space.
type Section struct {
	ID    string
	Title []Run
	Runs  []Run
}

// collectSections walks the converted document and returns its sections.
// Code, tables and lists count as text; image alt text and raw HTML do not
// (unless shown escaped, when it is text).
func collectSections(doc ast.Node, source []byte, base int) []Section {
	c := &textCollector{source: source, base: base, cur: &Section{}}
	c.walk(doc)
	c.flush()
	return c.out
}

type textCollector struct {
	source []byte
	base   int
	cur    *Section
	out    []Section
}

func (c *textCollector) flush() {
	c.cur.Runs = joinBreaks(c.cur.Runs)
	c.cur.Title = joinBreaks(c.cur.Title)
	if len(c.cur.Runs) > 0 || c.cur.ID != "" {
		c.out = append(c.out, *c.cur)
	}
}

func (c *textCollector) add(r Run) {
	if r.Text != "" {
		c.cur.Runs = append(c.cur.Runs, r)
	}
}

func (c *textCollector) walk(n ast.Node) {
	if h, ok := n.(*ast.Heading); ok && h.Level == c.base {
		c.flush()
		id, _ := h.AttributeString("id")
		idb, _ := id.([]byte)
		c.cur = &Section{ID: string(idb)}
		start := len(c.cur.Runs)
		c.children(n)
		c.cur.Title = append([]Run(nil), c.cur.Runs[start:]...)
		c.add(Run{Text: " "})
		return
	}
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(c.source)
		if !n.IsRaw() {
			v = decode(v)
		}
		c.add(Run{Text: string(v)})
		if n.SoftLineBreak() || n.HardLineBreak() {
			c.add(Run{Text: "\n"})
		}
		return
	case *ast.String:
		c.add(Run{Text: string(n.Value)})
		return
	case *rubyNode:
		c.add(rubyRun(n))
		return
	case *ast.Image, *ast.RawHTML, *ast.HTMLBlock, *cellLabel:
		return // a stacked table's header copies are not text of their own
	}
	if n.Kind() == ast.KindCodeBlock || n.Kind() == ast.KindFencedCodeBlock {
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			c.add(Run{Text: string(seg.Value(c.source))})
		}
		c.add(Run{Text: " "})
		return
	}
	c.children(n)
	if n.Type() == ast.TypeBlock || n.Kind().String() == "TableCell" {
		c.add(Run{Text: " "})
	}
}

func (c *textCollector) children(n ast.Node) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.walk(ch)
	}
}

// rubyRun is the run of a ruby node: its base, with the readings joined
// (one per character, or one for the whole word).
func rubyRun(n *rubyNode) Run {
	return Run{Text: n.Base, Reading: strings.Join(n.Readings, "")}
}

// joinBreaks resolves line breaks ("\n" runs) and block separators (" "
// runs) the way the page shows them: a source line break between two
// Japanese characters disappears (the east Asian rule of renderText),
// other breaks and separators become one space; runs of spaces collapse,
// and the text is trimmed.
func joinBreaks(runs []Run) []Run {
	out := make([]Run, 0, len(runs))
	for i, r := range runs {
		if r.Text != "\n" && r.Text != " " {
			out = append(out, r)
			continue
		}
		if r.Text == "\n" && eastAsianBreak(out, runs[i+1:]) {
			continue
		}
		if n := len(out); n > 0 && !strings.HasSuffix(out[n-1].Text, " ") && out[n-1].Reading == "" {
			out[n-1].Text += " "
		} else if n > 0 && !strings.HasSuffix(out[n-1].Text, " ") {
			out = append(out, Run{Text: " "})
		}
	}
	if n := len(out); n > 0 && out[n-1].Reading == "" {
		out[n-1].Text = strings.TrimRight(out[n-1].Text, " ")
		if out[n-1].Text == "" {
			out = out[:n-1]
		}
	}
	return out
}

// eastAsianBreak reports whether a line break between the runs before and
// after it disappears: text on both sides, and a wide character on one.
func eastAsianBreak(before, after []Run) bool {
	if len(before) == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(before[len(before)-1].Text)
	for _, x := range after {
		if x.Text == "\n" || x.Text == " " {
			return false
		}
		first, _ := utf8.DecodeRuneInString(x.Text)
		return util.IsEastAsianWideRune(last) || util.IsEastAsianWideRune(first)
	}
	return false
}
