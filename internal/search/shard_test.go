package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// vocab is a small vocabulary of plan words with readings: prefixes and
// heads combine into a few hundred compounds, which generated documents
// mix with kana, katakana and figures.
var (
	vocabPrefixes = []Run{{"地域", "ちいき"}, {"障害", "しょうがい"}, {"障がい", "しょうがい"}, {"高齢者", "こうれいしゃ"}, {"福祉", "ふくし"},
		{"就労", "しゅうろう"}, {"相談", "そうだん"}, {"生涯", "しょうがい"}, {"権利", "けんり"}, {"医療", "いりょう"}, {"手話", "しゅわ"},
		{"防災", "ぼうさい"}, {"成年後見", "せいねんこうけん"}, {"意思決定", "いしけってい"}, {"子ども", "こども"}, {"在宅", "ざいたく"}}
	vocabHeads = []Run{{"支援", "しえん"}, {"計画", "けいかく"}, {"制度", "せいど"}, {"窓口", "まどぐち"}, {"施設", "しせつ"},
		{"協議会", "きょうぎかい"}, {"研修", "けんしゅう"}, {"推進", "すいしん"}, {"充実", "じゅうじつ"}, {"拠点", "きょてん"}, {"連携", "れんけい"}}
	vocabOther = []Run{{"の", ""}, {"を", ""}, {"に", ""}, {"が", ""}, {"と", ""}, {"、", ""}, {"。", ""}, {"進めます", "すすめます"},
		{"サービス", ""}, {"ネットワーク", ""}, {"ピアサポート", ""}, {"1人", "ひとり"}, {"令和7年度", "れいわななねんど"}, {"（", ""}, {"）", ""},
		{"ｻｰﾋﾞｽ", ""}, {"ＮＰＯ", ""}, {"42%", ""}, {" ", ""}}
)

// genDocs makes the documents of pages generated pages: about six
// documents of about 500 characters each.
func genDocs(seed uint64, pages int) []Doc {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	var docs []Doc
	for p := range pages {
		for s := range 3 + rng.IntN(6) {
			var runs []Run
			var title strings.Builder
			for range 2 {
				w := vocabPrefixes[rng.IntN(len(vocabPrefixes))]
				title.WriteString(w.Text)
				runs = append(runs, w)
			}
			for range 60 + rng.IntN(120) {
				switch k := rng.IntN(10); {
				case k < 4:
					runs = append(runs, vocabPrefixes[rng.IntN(len(vocabPrefixes))], vocabHeads[rng.IntN(len(vocabHeads))])
				case k < 5:
					runs = append(runs, vocabHeads[rng.IntN(len(vocabHeads))])
				default:
					runs = append(runs, vocabOther[rng.IntN(len(vocabOther))])
				}
			}
			docs = append(docs, Doc{URL: fmt.Sprintf("chapters/%d.html#s-%d", p, s), Title: title.String(), Section: fmt.Sprintf("第%d章", p), Runs: runs})
		}
	}
	return docs
}

// index is a sharded index read back the way search.js reads it.
type index struct {
	count  int
	chunks []int
	shards int
	docs   [][4]string
	files  map[string]string // name → JSON
	shard  map[string]map[string]string
}

var entryRE = regexp.MustCompile(`"grams":(\d+),"count":(\d+),"chunks":\[([0-9,]*)\]`)

func readIndex(t testing.TB, entry []byte, files []file) *index {
	t.Helper()
	m := entryRE.FindSubmatch(entry)
	if m == nil {
		t.Fatalf("entry script: %s", entry)
	}
	ix := &index{files: map[string]string{}, shard: map[string]map[string]string{}}
	fmt.Sscan(string(m[1]), &ix.shards)
	fmt.Sscan(string(m[2]), &ix.count)
	if len(m[3]) > 0 {
		for _, c := range strings.Split(string(m[3]), ",") {
			var n int
			fmt.Sscan(c, &n)
			ix.chunks = append(ix.chunks, n)
		}
	}
	for _, f := range files {
		ix.files[strings.TrimSuffix(f.Name, ".js")] = unpack(t, f.Data)
	}
	for i, first := range ix.chunks {
		var docs [][4]string
		if err := json.Unmarshal([]byte(ix.files[fmt.Sprintf("d%d", i)]), &docs); err != nil {
			t.Fatal(err)
		}
		if first != len(ix.docs) {
			t.Fatalf("chunk %d starts at %d, after %d documents", i, first, len(ix.docs))
		}
		ix.docs = append(ix.docs, docs...)
	}
	if len(ix.docs) != ix.count {
		t.Fatalf("%d documents in the chunks, the entry says %d", len(ix.docs), ix.count)
	}
	return ix
}

// list is the posting list of a gram, as search.js decodes it.
func (ix *index) list(t testing.TB, g string) []int {
	name := fmt.Sprintf("g%d", gramOf(g).hash()%uint32(ix.shards))
	shard := ix.shard[name]
	if shard == nil {
		if err := json.Unmarshal([]byte(ix.files[name]), &shard); err != nil {
			t.Fatal(err)
		}
		ix.shard[name] = shard
	}
	var out []int
	v, prev := 0, -1
	for _, c := range shard[g] {
		d := strings.IndexRune(idDigits, c)
		if d >= 32 {
			v = v*32 + d - 32
			continue
		}
		prev += v*32 + d + 1
		out = append(out, prev)
		v = 0
	}
	return out
}

func gramOf(s string) gram {
	rs := []rune(s)
	if len(rs) == 1 {
		return newGram(rs[0], 0)
	}
	return newGram(rs[0], rs[1])
}

// candidates are the documents that have every gram of the normalised
// word w: what search.js checks.
func (ix *index) candidates(t testing.TB, w string) []int {
	rs := []rune(w)
	if len(rs) == 1 {
		return ix.list(t, w)
	}
	var out []int
	for i := 0; i+1 < len(rs); i++ {
		l := ix.list(t, string(rs[i:i+2]))
		if i == 0 {
			out = l
			continue
		}
		out = slices.DeleteFunc(out, func(id int) bool { _, ok := slices.BinarySearch(l, id); return !ok })
	}
	return out
}

// The index holds every document once, in URL order, as the line
// search.js decodes, and survives the round trip through compression.
func TestShardedRoundTrip(t *testing.T) {
	docs := genDocs(1, 120)
	entry, files := sharded(t, docs, "s/")
	ix := readIndex(t, entry, files)
	if len(ix.chunks) < 3 || ix.shards < 2 {
		t.Fatalf("want several chunks and shards, got %d and %d", len(ix.chunks), ix.shards)
	}
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, func(a, b Doc) int { return naturalCompare(a.URL, b.URL) })
	for i, d := range sorted {
		want := [4]string{d.URL, Compose(d.Title), Compose(d.Section), encodeRuby(d.segments())}
		if ix.docs[i] != want {
			t.Fatalf("document %d:\n got %q\nwant %q", i, ix.docs[i], want)
		}
		segs := decodeRuby(want[3])
		if got := encodeRuby(segs); got != want[3] {
			t.Fatalf("decodeRuby does not undo encodeRuby: %q → %q", want[3], got)
		}
	}
}

// Every document that holds a word (in its text, its reading or its
// title) is among the word's candidates: recall is 100%, for random
// substrings of the texts and readings.
func TestShardedRecall(t *testing.T) {
	docs := genDocs(2, 150)
	entry, files := sharded(t, docs, "")
	ix := readIndex(t, entry, files)
	byURL := map[string]int{}
	for id, d := range ix.docs {
		byURL[d[0]] = id
	}
	// each document's normalised text, reading and title, as search.js
	// matches them
	folded := make([][3]string, len(docs))
	for i, d := range docs {
		var text, reading strings.Builder
		for _, s := range d.segments() {
			text.WriteString(foldRunes(s.base))
			reading.WriteString(cmpOr(s.reading, foldRunes(s.base)))
		}
		folded[i] = [3]string{text.String(), reading.String(), Normalize(d.Title)}
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 400 {
		i := rng.IntN(len(docs))
		src := []rune(folded[i][rng.IntN(2)])
		start := rng.IntN(len(src))
		w := strings.TrimSpace(string(src[start:min(len(src), start+1+rng.IntN(6))]))
		if w == "" || strings.Contains(w, " ") {
			continue
		}
		cand := ix.candidates(t, w)
		n := 0
		for k, f := range folded {
			if strings.Contains(f[0], w) || strings.Contains(f[1], w) || strings.Contains(f[2], w) {
				n++
				if _, ok := slices.BinarySearch(cand, byURL[docs[k].URL]); !ok {
					t.Fatalf("%q is in %s, which is not a candidate", w, docs[k].URL)
				}
			}
		}
		if n == 0 {
			t.Fatalf("%q (from %s) matches no document", w, docs[i].URL)
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// The files do not depend on the number of workers or the order of the
// records.
func TestShardedDeterministic(t *testing.T) {
	docs := genDocs(3, 80)
	recs := Records(docs)
	write := func(workers int, recs []Record) string {
		var all strings.Builder
		entry, err := WriteSharded(recs, "s/", workers, func(name string, data []byte) error {
			fmt.Fprintf(&all, "== %s\n%s", name, data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return string(entry) + all.String()
	}
	want := write(1, recs)
	rev := slices.Clone(recs)
	slices.Reverse(rev)
	for _, w := range []int{2, 5} {
		if got := write(w, rev); got != want {
			t.Fatalf("%d workers, records reversed: the index differs", w)
		}
	}
}

// A damaged record is an error naming the document, not a panic.
func TestShardedDamagedRecord(t *testing.T) {
	recs := Records(genDocs(4, 2))
	recs[1].Line = recs[1].Line[:len(recs[1].Line)/2]
	_, err := WriteSharded(recs, "", 1, func(string, []byte) error { return nil })
	if err == nil || !strings.Contains(err.Error(), recs[1].URL) {
		t.Fatalf("err = %v, want one naming %s", err, recs[1].URL)
	}
}

// BenchmarkShardedSite indexes 1,000 generated pages (about 6 documents
// and 3,000 characters a page) and reports the index's bytes per page.
func BenchmarkShardedSite(b *testing.B) {
	docs := genDocs(5, 1000)
	b.ResetTimer()
	var size int
	for b.Loop() {
		size = 0
		entry, err := WriteSharded(Records(docs), "s/", 0, func(_ string, data []byte) error {
			size += len(data)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		size += len(entry)
	}
	b.ReportMetric(float64(size)/1000, "B/page")
}
