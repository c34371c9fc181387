package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// addFurigana splits prose Text nodes into text and automatic ruby
// (<ruby class="furi">) with the page's Annotator. Code, raw HTML, image
// alt text and author ruby are left alone; link text and glossary links get
// furigana too. With breaks, the pieces also mark phrase starts with <wbr>
// (the same analysis: no text is analysed twice). It runs after linkTerms.
func addFurigana(doc ast.Node, source []byte, st *state, breaks bool) {
	ann := st.page.Annotator
	if ann == nil {
		return
	}
	for _, t := range collectText(doc, isCodeOrRaw) {
		splitText(t, furiganaCuts(t, source, ann, breaks))
	}
}

// furiganaCuts returns a ruby node for each annotated piece of t, and with
// breaks a <wbr> at each phrase start, or none when the pieces do not add
// up to the text.
func furiganaCuts(t *ast.Text, source []byte, ann Annotator, breaks bool) []cut {
	s := string(t.Segment.Value(source))
	if s == "" {
		return nil
	}
	pieces := ann.Annotate(s)
	var cuts []cut
	pos := 0
	for i, p := range pieces {
		if !strings.HasPrefix(s[pos:], p.Base) {
			return nil // the annotator changed the text: keep it as it is
		}
		start := t.Segment.Start + pos
		pos += len(p.Base)
		if breaks && i > 0 && phraseStart(pieces[i-1], p) {
			cuts = append(cuts, cut{start: start, stop: start, node: &wbrNode{}})
		}
		if p.Reading == "" || p.Base == "" || strings.ContainsAny(p.Base, `\&`) {
			continue // plain text, or a piece that holds escapes
		}
		node := &rubyNode{Base: p.Base, Readings: []string{p.Reading}, Furi: true, Silent: p.Hidden}
		cuts = append(cuts, cut{start: start, stop: start + len(p.Base), node: node})
	}
	if pos != len(s) {
		return nil
	}
	return cuts
}

// phraseStart reports whether piece p likely starts a phrase (文節) after
// piece prev: a word in kanji (a piece with a reading) right after kana
// that end in a particle or the て of a verb (障がい者が｜地域で｜安心して｜
// 暮らせる). The analyzer's pieces are what the page's ruby is made of —
// kanji runs with their readings, and the kana between them — not its
// parts of speech, so this is a rule on their letters: a kana piece ending
// in another letter is okurigana or inside a word (障がい者, 取り組み) and
// is never cut after.
func phraseStart(prev, p Ruby) bool {
	if p.Reading == "" || prev.Reading != "" || prev.Base == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev.Base)
	return strings.ContainsRune(phraseEnds, last)
}

// phraseEnds are the kana a phrase commonly ends with before a word in
// kanji: case and topic particles (から too), and the て of a verb.
const phraseEnds = "をはがでにとへもやのてら"

var kindWbr = ast.NewNodeKind("Wbr")

// wbrNode is a line break opportunity between two phrases: <wbr>.
type wbrNode struct{ ast.BaseInline }

// Kind implements ast.Node.
func (n *wbrNode) Kind() ast.NodeKind { return kindWbr }

// Dump implements ast.Node.
func (n *wbrNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

func renderWbr(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<wbr>")
	}
	return ast.WalkContinue, nil
}
