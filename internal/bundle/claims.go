package bundle

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// coverage counts the kanji of a book's text and those that carry a
// reading, so that the ruby claims say what is true of this file.
type coverage struct{ kanji, ruby int }

// count adds the kanji under n; inRuby tells whether n is the base text of
// a ruby element that has a reading.
func (c *coverage) count(n *html.Node, inRuby bool) {
	switch n.Type {
	case html.TextNode:
		for _, r := range n.Data {
			if unicode.Is(unicode.Han, r) {
				c.kanji++
				if inRuby {
					c.ruby++
				}
			}
		}
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Rt, atom.Rp:
			return
		case atom.Svg:
			// A chart is an image: its text equivalent, the data table
			// beside it, is counted with its ruby.
			return
		case atom.Ruby:
			inRuby = hasReading(n)
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.count(ch, inRuby)
	}
}

// hasReading tells whether a ruby element has a non-empty <rt>.
func hasReading(ruby *html.Node) bool {
	for c := ruby.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Rt && textOf(c) != "" {
			return true
		}
	}
	return false
}

// textOf is all the text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data)
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// full tells whether every kanji has a reading.
// add counts o's kanji too.
func (c *coverage) add(o coverage) {
	c.kanji += o.kanji
	c.ruby += o.ruby
}

func (c coverage) full() bool { return c.kanji > 0 && c.ruby == c.kanji }

// percent is the share of kanji with a reading, rounded down, and never
// 100 unless every kanji has one.
func (c coverage) percent() int {
	if c.kanji == 0 {
		return 0
	}
	p := c.ruby * 100 / c.kanji
	if p == 100 && !c.full() {
		p = 99
	}
	return p
}

// facts are what the accessibility metadata may claim about one book.
type facts struct {
	easy, images, tables bool
	ruby                 coverage
	certifier            string // who checked the conformance claim; "" means no claim
}

// features are the schema:accessibilityFeature values that are true.
func (f facts) features() []string {
	out := []string{"displayTransformability", "readingOrder", "structuralNavigation", "tableOfContents"}
	if f.images {
		out = append(out, "alternativeText")
	}
	if f.ruby.ruby > 0 {
		out = append(out, "rubyAnnotations")
	}
	if f.ruby.full() {
		out = append(out, "fullRubyAnnotations")
	}
	sort.Strings(out)
	return out
}

// conformance is the EPUB Accessibility claim, made only with a certifier.
const conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"

// summary is the Japanese accessibility summary: it says only what the
// book's own content shows.
func (f facts) summary() string {
	var s strings.Builder
	if f.easy {
		s.WriteString("この電子書籍は、計画のわかりやすい版です。")
	}
	s.WriteString("見出し、目次、読む順番が設定されていて、スクリーンリーダーや音声読み上げで読めます。")
	if f.tables {
		s.WriteString("表には見出しと説明があります。")
	}
	if f.images {
		s.WriteString("絵や図には、内容を説明する代替テキストがあります。")
	}
	switch {
	case f.ruby.full():
		s.WriteString("すべての漢字に、ふりがな（ルビ）が付いています。")
	case f.ruby.ruby > 0:
		s.WriteString("漢字の約" + strconv.Itoa(f.ruby.percent()) + "%に、ふりがな（ルビ）が付いています（ほかの漢字には付いていません）。")
	}
	s.WriteString("文字の大きさ、書体、色は、読書アプリの設定で変えられます。")
	if f.certifier != "" {
		s.WriteString("WCAG 2.1 レベルAAに適合していることを、" + f.certifier + "が確認しています。")
	}
	s.WriteString("点滅や音など、体調に影響するおそれのある内容はありません。")
	return s.String()
}
