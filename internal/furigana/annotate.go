package furigana

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// system is a kagome system dictionary and how to read a reading from its
// tokens.
type system struct {
	name    string
	dict    func() *dict.Dict            // loads once (the dictionary packages use sync.Once)
	reading func(tokenizer.Token) string // katakana or hiragana; "" if none
}

// ipaSystem is the default: see README.md for the measurements behind the
// choice of IPA over UniDic.
var ipaSystem = &system{name: "ipa", dict: ipa.Dict, reading: func(t tokenizer.Token) string {
	r, ok := t.Reading()
	if !ok || r == "*" {
		return ""
	}
	return r
}}

//go:embed builtin_readings.tsv
var builtinData string

// builtin is the default readings list: welfare vocabulary the analyzer
// reads wrongly or not at all. A Dictionary passed to New overrides it.
var builtin = mustParseReadings(builtinData)

func mustParseReadings(data string) Dictionary {
	d := Dictionary{}
	for n, line := range dataLines(data) {
		w, r, ok := strings.Cut(line, "\t")
		if !ok || w == "" || !isReading(r) {
			panic("furigana: builtin_readings.tsv:" + itoa(n) + ": want word<TAB>kana reading")
		}
		if _, dup := d[w]; dup {
			panic("furigana: builtin_readings.tsv:" + itoa(n) + ": duplicate " + w)
		}
		d[w] = toHiragana(r)
	}
	return d
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Annotator adds readings to text. It is safe for concurrent use.
type Annotator struct {
	sys   *system
	words Dictionary // built-in readings overridden by the caller's

	once sync.Once
	tok  *tokenizer.Tokenizer
}

// New returns an Annotator that prefers the readings in dict (it may be
// nil) and a built-in list of welfare vocabulary over the analyzer's. New
// is cheap: the analyzer's dictionary (IPA, about 100 MB in memory) loads on
// the first call to Annotate or Unknown, once per process.
func New(dict Dictionary) *Annotator {
	return newWith(dict, ipaSystem)
}

func newWith(d Dictionary, sys *system) *Annotator {
	words := make(Dictionary, len(builtin)+len(d))
	for w, r := range builtin {
		words[w] = r
	}
	for w, r := range d {
		w, r = strings.TrimSpace(w), toHiragana(strings.TrimSpace(r))
		if w == "" || !isReading(r) {
			continue
		}
		words[w] = r
	}
	return &Annotator{sys: sys, words: words}
}

// tokenizer builds the kagome tokenizer with the readings as a user
// dictionary: its words enter kagome's lattice ahead of the system
// dictionary's at the same position, so a dictionary word always wins
// (the longest when several start there) while kagome still sees the
// context around it (障がい者: 者 stays a suffix read しゃ).
func (a *Annotator) tokenizer() *tokenizer.Tokenizer {
	a.once.Do(func() {
		recs := make(dict.UserDictRecords, 0, len(a.words))
		for w, r := range a.words {
			recs = append(recs, dict.UserDicRecord{Text: w, Tokens: []string{w}, Yomi: []string{r}, Pos: "名詞"})
		}
		opts := []tokenizer.Option{tokenizer.OmitBosEos()}
		if len(recs) > 0 {
			if ud, err := recs.NewUserDict(); err == nil {
				opts = append(opts, tokenizer.UserDict(ud))
			}
		}
		tk, err := tokenizer.New(a.sys.dict(), opts...)
		if err != nil {
			panic("furigana: kagome: " + err.Error()) // only on a nil dictionary
		}
		a.tok = tk
	})
	return a.tok
}

// morph is one word of the analysis, with its text as in the input.
type morph struct {
	surface string
	reading string   // hiragana; "" when unknown
	user    bool     // from the readings dictionary
	unknown bool     // the analyzer has no dictionary entry for it
	pos     []string // part of speech (IPA: 名詞 非自立 一般 *); nil if none
	base    string   // base form of an inflected word (良かっ → 良い)
	place   bool     // a municipality's name or part of it (places.go)
	split   bool     // a kanji compound the analyzer split; see readCompounds
}

// fixed reports whether m's reading comes from a list (the readings
// dictionary, the municipality names) that the context rules must not
// change.
func (m morph) fixed() bool { return m.user || m.place }

// analyze runs kagome over text. ASCII digits become full-width for the
// analysis (kagome reads counters after them better); surfaces are cut
// from the original text by rune offsets.
func (a *Annotator) analyze(text string) []morph {
	orig := []rune(text)
	conv := make([]rune, len(orig))
	for i, r := range orig {
		if r >= '0' && r <= '9' {
			r += '０' - '0'
		}
		conv[i] = r
	}
	toks := a.tokenizer().Tokenize(string(conv))
	ms := make([]morph, 0, len(toks))
	at := 0
	for _, t := range toks {
		if t.Start < at || t.End > len(orig) || t.Start >= t.End {
			continue
		}
		if t.Start > at {
			ms = append(ms, morph{surface: string(orig[at:t.Start])})
		}
		m := morph{surface: string(orig[t.Start:t.End])}
		if t.Class == tokenizer.USER {
			if ex := t.UserExtra(); ex != nil {
				m.reading = strings.Join(ex.Readings, "")
			}
			m.user = true
		} else {
			m.reading = a.sys.reading(t)
			m.unknown = t.Class == tokenizer.UNKNOWN
			m.pos = t.POS()
			m.base, _ = t.BaseForm()
		}
		m.reading = toHiragana(m.reading)
		if !isReading(m.reading) {
			m.reading = ""
		}
		ms = appendSplitNumber(ms, m)
		at = t.End
	}
	if at < len(orig) {
		ms = append(ms, morph{surface: string(orig[at:])})
	}
	return a.readInContext(ms)
}

// Annotate splits text into tokens with readings for the kanji runs that
// m selects. Concatenating the tokens' Text always gives text back.
// Adjacent plain tokens are merged; ruby tokens are one per word part.
func (a *Annotator) Annotate(text string, m Mode) []Token {
	if text == "" {
		return nil
	}
	if m.none() || !hasKanji(text) {
		return []Token{{Text: text}}
	}
	return Filter(a.Analyze(text), m)
}

// Analyze returns text cut into tokens with the reading of every kanji run,
// whatever the mode: the analysis a page in any mode starts from, so that
// it runs once per distinct text (Filter then applies a page's mode, and
// search uses every reading). Plain runs are merged.
func (a *Annotator) Analyze(text string) []Token {
	if !hasKanji(text) {
		if text == "" {
			return nil
		}
		return []Token{{Text: text}}
	}
	var toks []Token
	for text != "" {
		// Invalid UTF-8 bytes stay as they are, in plain tokens.
		n := validPrefix(text)
		for _, piece := range sentences(text[:n]) {
			toks = append(toks, a.annotateAll(piece)...)
		}
		if n < len(text) {
			toks = append(toks, Token{Text: text[n : n+1]})
			n++
		}
		text = text[n:]
	}
	return Filter(toks, Mode{All: true})
}

// maxPiece is the longest text analysed at once. The analyzer's memory
// grows with the length of what it reads in one go (a 780 KB line took
// 1 GB), and readings never depend on a sentence before, so long texts are
// cut after sentence ends.
const maxPiece = 2048

// sentences cuts s into pieces of at most about maxPiece bytes, after a
// sentence end (。！？ or a line break) where there is one, else at a
// character boundary.
func sentences(s string) []string {
	if len(s) <= maxPiece {
		return []string{s}
	}
	var out []string
	for len(s) > maxPiece {
		cut := -1
		for _, end := range []string{"。", "！", "？", "\n"} {
			if i := strings.LastIndex(s[:maxPiece], end); i >= 0 && i+len(end) > cut {
				cut = i + len(end)
			}
		}
		if cut <= 0 {
			cut = maxPiece
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// Filter returns toks with the readings m does not want removed and
// neighbouring plain tokens merged. It does not change toks.
func Filter(toks []Token, m Mode) []Token {
	out := make([]Token, 0, len(toks))
	for _, t := range toks {
		if t.Reading != "" && !m.wants(t.Text) {
			t.Reading = ""
		}
		if t.Text == "" {
			continue
		}
		if n := len(out); n > 0 && t.Reading == "" && out[n-1].Reading == "" {
			out[n-1].Text += t.Text
			continue
		}
		out = append(out, t)
	}
	return out
}

func (a *Annotator) annotateAll(text string) []Token {
	ms := a.analyze(text)
	var out []Token
	lastCounter := ""    // the counter right before the current number, if any
	afterNumber := false // the previous morph ended a number and its counter
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if isNumberPart(m.surface) {
			j := i + 1
			for j < len(ms) && (isNumberPart(ms[j].surface) || isSeparator(ms[j].surface) && j+1 < len(ms) && isNumberPart(ms[j+1].surface)) {
				j++
			}
			var num strings.Builder
			for _, x := range ms[i:j] {
				num.WriteString(x.surface)
			}
			numText := num.String()
			value, ok := parseNumber(numText)
			date := lastCounter == "月"
			lastCounter = ""
			i = j - 1
			if j == len(ms) {
				out = append(out, Token{Text: numText})
				break
			}
			c := ms[j]
			key, ctr := counters.lookup(c.surface, date)
			if ctr == nil || c.user {
				out = append(out, Token{Text: numText})
				continue
			}
			reading, fused := ctr.read(value, ok)
			if fused {
				out = append(out, Token{Text: numText + key, Reading: reading})
			} else {
				out = append(out, Token{Text: numText})
				out = append(out, align(key, reading)...)
			}
			if rest := c.surface[len(key):]; rest != "" {
				restReading, _ := strings.CutPrefix(c.reading, ctr.reading)
				if restReading == c.reading {
					restReading = ""
				}
				out = append(out, align(rest, restReading)...)
			}
			lastCounter, afterNumber = key, true
			i = j
			continue
		}
		reading := m.reading
		if !afterNumber && !m.user && i+1 < len(ms) && isNumberPart(ms[i+1].surface) {
			if r, ok := counters.prefix[m.surface]; ok {
				reading = r
			}
		}
		if !isSeparator(m.surface) {
			afterNumber = false
			if !isSpace(m.surface) {
				lastCounter = ""
			}
		}
		out = append(out, align(m.surface, reading)...)
	}
	return out
}

// appendSplitNumber appends m, first cutting off leading digits that the
// analyzer joined to a word (IPA knows ３月 as one word): counters are read
// by the counter table, so the number must stand alone.
func appendSplitNumber(ms []morph, m morph) []morph {
	n := strings.IndexFunc(m.surface, func(r rune) bool { return !isDigit(r) })
	if n <= 0 || m.user {
		return append(ms, m)
	}
	num, rest := m.surface[:n], m.surface[n:]
	restReading := ""
	if v, ok := parseNumber(num); ok {
		parts, _ := numberParts(v)
		restReading, _ = strings.CutPrefix(m.reading, strings.Join(parts, ""))
		if restReading == m.reading {
			restReading = ""
		}
	}
	return append(ms, morph{surface: num, unknown: m.unknown},
		morph{surface: rest, reading: restReading, unknown: m.unknown, pos: m.pos, base: m.base})
}

// validPrefix returns the length of the longest valid UTF-8 prefix of s.
func validPrefix(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

func isNumberPart(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isDigit(r) {
			return false
		}
	}
	return true
}

// isSeparator reports whether s may stand between digits of a number:
// thousands separators and the decimal point.
func isSeparator(s string) bool { return s == "," || s == "，" || s == "." || s == "．" }
func isSpace(s string) bool     { return strings.TrimSpace(s) == "" }

// Unknown returns the kanji words in text that neither the readings
// dictionary nor the analyzer can read, each once, in order: candidates
// for readings.yaml. Only words the analyzer has no dictionary entry for
// count (a word it reads, even one whose reading Annotate drops, is known),
// and never a counter right after a number (4月, 3日: counters.tsv reads
// them). A word is widened over single kanji the analyzer split off around
// it (協働 analysed as 協 + an unknown 働 is reported as 協働).
func (a *Annotator) Unknown(text string) []string {
	if !hasKanji(text) {
		return nil
	}
	return unknownWords(a.analyze(text))
}

// unknownWords returns the unknown words of an analysis; see Unknown.
func unknownWords(ms []morph) []string {
	bad := make([]bool, len(ms))
	for i, m := range ms {
		bad[i] = m.unknown && !m.user && hasKanji(m.surface) && !isCounterAfterNumber(ms, i)
	}
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(ms); i++ {
		if !bad[i] {
			continue
		}
		lo, hi := i, i+1
		for hi < len(ms) && (bad[hi] || isSingleKanji(ms[hi])) {
			hi++
		}
		for lo > 0 && isSingleKanji(ms[lo-1]) {
			lo--
		}
		var w strings.Builder
		for _, m := range ms[lo:hi] {
			w.WriteString(m.surface)
		}
		if s := w.String(); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
		i = hi - 1
	}
	return out
}

// isCounterAfterNumber reports whether ms[i] is a counter of counters.tsv
// right after a number.
func isCounterAfterNumber(ms []morph, i int) bool {
	if i == 0 || !isNumberPart(ms[i-1].surface) {
		return false
	}
	key, c := counters.lookup(ms[i].surface, true)
	return c != nil && key == ms[i].surface
}

func isSingleKanji(m morph) bool {
	return !m.user && runeLen(m.surface) == 1 && hasKanji(m.surface)
}
