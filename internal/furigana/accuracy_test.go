package furigana

import (
	"bufio"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// siteDict stands for a site's readings.yaml: place names come from there.
var siteDict = Dictionary{"小平": "こだいら", "花小金井": "はなこがねい", "国分寺": "こくぶんじ"}

type wordCase struct{ word, want string }

// loadWords reads a test set (testdata/words.tsv, testdata/heldout.tsv):
// word<TAB>annotation lines, # comments.
func loadWords(t testing.TB, path string) []wordCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []wordCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, a, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", path, line)
		}
		toks := parseAnnotated(t, a)
		if base := plainText(toks); base != w {
			t.Fatalf("%s: annotation %q spells %q, not %q", path, a, base, w)
		}
		cases = append(cases, wordCase{w, normalize(toks)})
	}
	return cases
}

// parseAnnotated reads {base|reading} groups and plain text.
func parseAnnotated(t testing.TB, s string) []Token {
	var out []Token
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			out = append(out, Token{Text: s})
			break
		}
		if i > 0 {
			out = append(out, Token{Text: s[:i]})
		}
		j := strings.IndexByte(s[i:], '}')
		base, reading, ok := strings.Cut(s[i+1:i+j], "|")
		if j < 0 || !ok {
			t.Fatalf("bad annotation %q", s)
		}
		out = append(out, Token{Text: base, Reading: reading})
		s = s[i+j+1:]
	}
	return out
}

// plainText is the text an annotation spells, without its readings.
func plainText(toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Text)
	}
	return b.String()
}

// normalize merges adjacent ruby tokens (word granularity differs between
// analyzers; what the reader sees over a kanji run does not) and formats
// the result as annotated text.
func normalize(toks []Token) string {
	var merged []Token
	for _, t := range toks {
		if n := len(merged); n > 0 && (t.Reading == "") == (merged[n-1].Reading == "") {
			merged[n-1].Text += t.Text
			merged[n-1].Reading += t.Reading
			continue
		}
		merged = append(merged, t)
	}
	s, _ := Format(merged, "annotated")
	return s
}

// accuracy scores a on testdata/words.tsv, the set the built-in list was tuned on.
func accuracy(t *testing.T, a *Annotator) float64 {
	return accuracyOn(t, a, "testdata/words.tsv")
}

// accuracyOn scores a on the test set at path, logging every miss, and
// returns the share of words whose annotation is right.
func accuracyOn(t *testing.T, a *Annotator, path string) float64 {
	cases := loadWords(t, path)
	ok := 0
	for _, c := range cases {
		toks := a.Annotate(c.word, Mode{All: true})
		if got := normalize(toks); got == c.want {
			ok++
		} else {
			t.Logf("%s: got %s, want %s", c.word, got, c.want)
		}
	}
	acc := float64(ok) / float64(len(cases))
	t.Logf("%s on %s: %d/%d words right, accuracy %.1f%%", a.sys.name, path, ok, len(cases), 100*acc)
	return acc
}

func TestAccuracy(t *testing.T) {
	a := New(siteDict)
	start := time.Now()
	a.Annotate("漢字", Mode{All: true})
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	t.Logf("%s: load %v, heap in use %d MB", a.sys.name, time.Since(start).Round(time.Millisecond), ms.HeapInuse>>20)
	if acc := accuracy(t, a); acc < 0.98 {
		t.Errorf("accuracy %.1f%% is below 98%%", 100*acc)
	}
}

// TestAccuracyNoBuiltin measures the bare analyzer (plus the site's place
// names) for README.md's comparison.
func TestAccuracyNoBuiltin(t *testing.T) {
	saved := builtin
	builtin = Dictionary{}
	defer func() { builtin = saved }()
	accuracy(t, New(siteDict))
}
