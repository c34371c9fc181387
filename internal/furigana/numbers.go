package furigana

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed counters.tsv
var countersData string

// counter is how a counter word reads after an Arabic number.
type counter struct {
	reading string
	whole   map[int]string // rules on the whole number
	last    map[int]string // rules on the number's last part
}

type counterTable struct {
	counters map[string]*counter
	maxLen   int               // longest counter key, in runes
	prefix   map[string]string // readings of words right before a number
}

var counters = mustParseCounters(countersData)

func mustParseCounters(data string) *counterTable {
	t, err := parseCounters(data)
	if err != nil {
		panic(err)
	}
	return t
}

func parseCounters(data string) (*counterTable, error) {
	t := &counterTable{counters: map[string]*counter{}, prefix: map[string]string{}}
	for n, line := range dataLines(data) {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("counters.tsv:%d: want counter<TAB>reading", n)
		}
		if f[0] == "prefix" {
			if len(f) != 3 || !isReading(f[2]) {
				return nil, fmt.Errorf("counters.tsv:%d: want prefix<TAB>word<TAB>reading", n)
			}
			t.prefix[f[1]] = f[2]
			continue
		}
		if !isReading(f[1]) {
			return nil, fmt.Errorf("counters.tsv:%d: reading %q is not kana", n, f[1])
		}
		c := &counter{reading: f[1], whole: map[int]string{}, last: map[int]string{}}
		if len(f) > 2 {
			for _, rule := range strings.Fields(f[2]) {
				k, v, ok := strings.Cut(rule, "=")
				m := c.whole
				if strings.HasPrefix(k, "*") {
					k, m = k[1:], c.last
				}
				num, err := strconv.Atoi(k)
				if !ok || err != nil || !isReading(strings.Replace(v, "|", "", 1)) {
					return nil, fmt.Errorf("counters.tsv:%d: bad rule %q", n, rule)
				}
				m[num] = v
			}
		}
		key, _, _ := strings.Cut(f[0], "@")
		t.maxLen = max(t.maxLen, runeLen(key))
		t.counters[f[0]] = c
	}
	return t, nil
}

// lookup finds the longest counter that begins s. date selects the date
// reading of 日 (after N月).
func (t *counterTable) lookup(s string, date bool) (key string, c *counter) {
	r := []rune(s)
	for n := min(len(r), t.maxLen); n > 0; n-- {
		k := string(r[:n])
		if date {
			if c := t.counters[k+"@date"]; c != nil {
				return k, c
			}
		}
		if c := t.counters[k]; c != nil {
			return k, c
		}
	}
	return "", nil
}

// parseNumber reads the value of an Arabic number written with ASCII or
// full-width digits and optional thousands separators. ok is false for
// decimals and numbers too large to read.
func parseNumber(s string) (n int, ok bool) {
	digits := 0
	for _, r := range s {
		switch {
		case isDigit(r):
			digits++
			if digits > 15 {
				return 0, false
			}
			n = n*10 + digitValue(r)
		case r == ',' || r == '，':
		default:
			return 0, false
		}
	}
	return n, digits > 0
}

var ones = [...]string{"", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"}

// numberParts reads n (0 < n < 10^16) as its spoken parts, e.g. 2024 →
// [に せん に じゅう よん] folded into [にせん にじゅう よん], and returns
// the value of the last part (4; 10 for 20; 100 for 300; 10000 for 5万).
func numberParts(n int) (parts []string, last int) {
	if n <= 0 {
		return []string{"ぜろ"}, 0
	}
	units := []struct {
		v    int
		name string
	}{{1_0000_0000_0000, "ちょう"}, {1_0000_0000, "おく"}, {1_0000, "まん"}, {1, ""}}
	for _, u := range units {
		g := (n / u.v) % 10000
		if g == 0 {
			continue
		}
		gp, gl := groupParts(g)
		if u.name != "" {
			gp[len(gp)-1] += u.name
			gl = u.v
		}
		parts = append(parts, gp...)
		last = gl
	}
	return parts, last
}

func groupParts(g int) (parts []string, last int) {
	th, hu, te, on := g/1000, g/100%10, g/10%10, g%10
	switch th {
	case 0:
	case 1:
		parts, last = append(parts, "せん"), 1000
	case 3:
		parts, last = append(parts, "さんぜん"), 1000
	case 8:
		parts, last = append(parts, "はっせん"), 1000
	default:
		parts, last = append(parts, ones[th]+"せん"), 1000
	}
	switch hu {
	case 0:
	case 1:
		parts, last = append(parts, "ひゃく"), 100
	case 3:
		parts, last = append(parts, "さんびゃく"), 100
	case 6:
		parts, last = append(parts, "ろっぴゃく"), 100
	case 8:
		parts, last = append(parts, "はっぴゃく"), 100
	default:
		parts, last = append(parts, ones[hu]+"ひゃく"), 100
	}
	switch te {
	case 0:
	case 1:
		parts, last = append(parts, "じゅう"), 10
	default:
		parts, last = append(parts, ones[te]+"じゅう"), 10
	}
	if on > 0 {
		parts, last = append(parts, ones[on]), on
	}
	return parts, last
}

// read returns how the counter reads after the number n: either only the
// counter's reading (the number keeps no ruby), or, when fused is true,
// the reading of number and counter together.
func (c *counter) read(n int, ok bool) (reading string, fused bool) {
	if !ok {
		return c.reading, false
	}
	if r, hit := c.whole[n]; hit {
		return splitRule(r, "")
	}
	parts, last := numberParts(n)
	if r, hit := c.last[last]; hit && n < 1_0000_0000_0000_0000 {
		return splitRule(r, strings.Join(parts[:len(parts)-1], ""))
	}
	return c.reading, false
}

func splitRule(rule, numberPrefix string) (string, bool) {
	if _, ctr, ok := strings.Cut(rule, "|"); ok {
		return ctr, false
	}
	return numberPrefix + rule, true
}

// kanjiDigits are the values of the kanji numerals that end a number
// (一 … 九, 十, 百, 千, 万): the last part of numberParts.
var kanjiDigits = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7,
	'八': 8, '九': 9, '十': 10, '百': 100, '千': 1000, '万': 10000}

// partReadings are how the analyzer may read a number's last part.
var partReadings = map[int][]string{1: {"いち"}, 3: {"さん"}, 4: {"よん", "し", "よ"}, 6: {"ろく"},
	8: {"はち"}, 10: {"じゅう"}, 100: {"ひゃく"}, 1000: {"せん"}}

// geminates says before which sounds a number's last part is cut short
// (いち → いっ) and its short form: 1, 8 and 10 before k, s, t and h
// (一期 いっき, 八歳 はっさい, 十回 じゅっかい), 6 and 100 before k and h
// (六回 ろっかい, 百本 ひゃっぽん). After the cut an h becomes p (一泊
// いっぱく).
var geminates = map[int]struct{ rows, short string }{
	1:   {"かさたは", "いっ"},
	8:   {"かさたは", "はっ"},
	10:  {"かさたは", "じゅっ"},
	6:   {"かは", "ろっ"},
	100: {"かは", "ひゃっ"},
}

// readKanjiCounters applies the sound changes between a number written in
// kanji and the counter after it, which the analyzer reads one by one
// (第一期: いち + き): a counters.tsv rule for the number's last part
// when there is one (三本 さんぼん, 一分 いっぷん), else gemination
// (一期 いっき, 十回 じゅっかい, 一か所 いっかしょ). Arabic numbers need none
// of this: their number keeps no ruby and the counter's rules apply in
// annotateAll.
func readKanjiCounters(ms []morph) {
	for i := 0; i+1 < len(ms); i++ {
		n, c := &ms[i], &ms[i+1]
		last, _ := utf8.DecodeLastRuneInString(n.surface)
		v, ok := kanjiDigits[last]
		if !ok || n.fixed() || c.fixed() || !posIs(n.pos, "名詞", "数") || !isCounter(*c) {
			continue
		}
		numPart, ctrPart := counterRule(c, v)
		if numPart == "" {
			g, ok := geminates[v]
			row, _ := utf8.DecodeRuneInString(c.reading)
			if !ok || !strings.ContainsRune(g.rows, rowOf(row)) {
				continue
			}
			numPart, ctrPart = g.short, c.reading
			if rowOf(row) == 'は' {
				ctrPart = halfVoice(ctrPart)
			}
		}
		for _, p := range partReadings[v] {
			if head, ok := strings.CutSuffix(n.reading, p); ok {
				n.reading, c.reading = head+numPart, ctrPart
				break
			}
		}
	}
}

// isCounter reports whether m is a counter: the analyzer's 助数詞 or a
// counter of counters.tsv.
func isCounter(m morph) bool {
	if posIs(m.pos, "名詞", "接尾", "助数詞") {
		return true
	}
	key, c := counters.lookup(m.surface, false)
	return c != nil && key == m.surface
}

// counterRule returns the counters.tsv rule "number|counter" for the
// counter c after a number whose last part is v, with the counter part
// extended by the rest of c's reading (分間: ぷん + かん); "" when there is
// none.
func counterRule(c *morph, v int) (numPart, ctrPart string) {
	key, ctr := counters.lookup(c.surface, false)
	if ctr == nil || key != c.surface {
		return "", ""
	}
	numPart, ctrPart, ok := strings.Cut(ctr.last[v], "|")
	if !ok {
		return "", ""
	}
	return numPart, ctrPart
}

// rowOf returns the first kana of the unvoiced row of c (か for き, は for
// ひ); 0 for other runes, voiced ones included (一台 いちだい).
func rowOf(c rune) rune {
	const rows = "かきくけこさしすせそたちつてとはひふへほ"
	i := strings.IndexRune(rows, c)
	if i < 0 {
		return 0
	}
	return []rune("かさたは")[i/utf8.RuneLen(c)/5]
}

// halfVoice turns a leading h sound into p: はく → ぱく, ほん → ぽん.
func halfVoice(r string) string {
	c, n := utf8.DecodeRuneInString(r)
	if i := strings.IndexRune("はひふへほ", c); i >= 0 {
		return string([]rune("ぱぴぷぺぽ")[i/3]) + r[n:]
	}
	return r
}
