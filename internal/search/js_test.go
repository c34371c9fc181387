package search

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The JavaScript side (themes/default/static/search.js) must fold text
// exactly like Normalize and decode the index Index writes. These tests
// run it with node when node is installed, and skip otherwise.

const searchJS = "../../themes/default/static/search.js"

const harness = `
const fs = require('fs'), vm = require('vm'), path = require('path');
const [jsFile, indexDir, inputFile] = process.argv.slice(2);
const ctx = {atob, TextDecoder}; ctx.window = ctx; vm.createContext(ctx);
vm.runInContext(fs.readFileSync(jsFile, 'utf8'), ctx);
vm.runInContext(fs.readFileSync(path.join(indexDir, 'entry.js'), 'utf8'), ctx);
const api = ctx.plansiteSearch, req = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
const loads = [];
api.addScript = (src, onerror) => {
  loads.push(path.basename(src));
  try { vm.runInContext(fs.readFileSync(path.join(indexDir, src), 'utf8'), ctx); } catch (e) { onerror(e); }
};
const out = {normalized: (req.normalize || []).map(s => api.normalize(s)), results: {}, loads: {},
  inflated: (req.inflate || []).map(b => Buffer.from(api.inflate(new Uint8Array(Buffer.from(b, 'base64')))).toString('base64'))};
(async () => {
  for (const q of req.queries || []) {
    loads.length = 0;
    await new Promise((resolve, reject) => api.query(ctx.PLANSITE_SEARCH, '', q, 1e9, (err, results, complete) => { // every result
      if (err) { reject(err); return; }
      if (!complete) { reject(new Error('incomplete')); return; }
      out.results[q] = results.map(r => [r.doc.url].concat(r.spans.map(s => r.doc.text.slice(s[0], s[1]))));
      out.loads[q] = loads.slice();
      resolve();
    }));
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

type jsOut struct {
	Normalized []string              `json:"normalized"`
	Results    map[string][][]string `json:"results"`
	Loads      map[string][]string   `json:"loads"`    // the index files each query loaded
	Inflated   [][]byte              `json:"inflated"` // the inflate requests, decoded by search.js
}

func runJS(t *testing.T, docs []Doc, normalize, queries []string) jsOut {
	return runJSInflate(t, docs, normalize, queries, nil)
}

func runJSInflate(t *testing.T, docs []Doc, normalize, queries []string, inflate [][]byte) jsOut {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	dir := t.TempDir()
	in, _ := json.Marshal(map[string]any{"normalize": normalize, "queries": queries, "inflate": inflate})
	entry, shards := sharded(t, docs, "")
	files := map[string][]byte{"h.js": []byte(harness), "entry.js": entry, "in.json": in}
	for _, f := range shards {
		files[f.Name] = f.Data
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(node, filepath.Join(dir, "h.js"), searchJS, dir, filepath.Join(dir, "in.json"))
	cmd.Stderr = os.Stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var out jsOut
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("node output: %v\n%s", err, data)
	}
	return out
}

func TestJSNormalizeMatchesGo(t *testing.T) {
	inputs := []string{"ｻｰﾋﾞｽ", "ﾊﾟﾝﾌﾚｯﾄ", "か\u3099ほ\u309aか゛ウ\u3099ワ゛ヽ\u3099", "ＮＰＯ法人 ０４２－３４６", "042−346‐1111 10〜20", "Ａｂｃ　ＸＹＺ", "a\tb\x00\x7f", "𠮷野家ﾞﾞ", "ヴヵヶヷヸ"}
	// Every BMP character (surrogates aside), in chunks, with a voiced
	// and a semi-voiced mark after each so the composition is covered too.
	var b strings.Builder
	for r := rune(1); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		b.WriteRune(r)
		if r%3 == 0 {
			b.WriteRune(0xFF9E)
		} else if r%3 == 1 {
			b.WriteRune(0x309A)
		}
		if b.Len() > 3000 {
			inputs = append(inputs, b.String())
			b.Reset()
		}
	}
	inputs = append(inputs, b.String())
	out := runJS(t, nil, inputs, nil)
	for i, s := range inputs {
		if want := Normalize(s); out.Normalized[i] != want {
			g, w := []rune(out.Normalized[i]), []rune(want)
			for k := range min(len(g), len(w)) {
				if g[k] != w[k] {
					t.Errorf("input %d: JS and Go differ at rune %d: JS %U, Go %U", i, k, g[k], w[k])
					break
				}
			}
			if len(g) != len(w) {
				t.Errorf("input %d: JS %d runes, Go %d", i, len(g), len(w))
			}
		}
	}
}

// search.js's inflate decodes what Go's compress/flate writes at every
// level: stored, fixed and dynamic Huffman blocks, long and short
// matches, empty input, several blocks.
func TestJSInflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var plain, packed [][]byte
	for _, level := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
		for _, size := range []int{0, 1, 100, 5000, 70000, 300000} {
			data := make([]byte, size)
			for i := range data {
				switch {
				case i > 300 && rng.IntN(4) > 0: // repeats, near and far
					data[i] = data[i-1-rng.IntN(min(i, 40000))]
				case rng.IntN(3) == 0:
					data[i] = byte(rng.IntN(256))
				default:
					data[i] = "相談支援のけいかく"[rng.IntN(27)]
				}
			}
			plain = append(plain, data)
			var buf bytes.Buffer
			w, _ := flate.NewWriter(&buf, level)
			w.Write(data[:len(data)/2])
			w.Flush() // a sync marker: an empty stored block inside the stream
			w.Write(data[len(data)/2:])
			w.Close()
			packed = append(packed, buf.Bytes())
		}
	}
	out := runJSInflate(t, nil, nil, nil, packed)
	for i := range plain {
		if !bytes.Equal(out.Inflated[i], plain[i]) {
			t.Errorf("case %d (%d bytes): search.js inflated %d bytes that differ", i, len(plain[i]), len(out.Inflated[i]))
		}
	}
}

func TestJSSearch(t *testing.T) {
	want := map[string][][]string{
		// kanji, its reading in hiragana and katakana find the same places;
		// title matches come first.
		"相談": {
			{"pillars/1.html#measure-2", "相談", "相談"},
			{"chapters/02-genjou.html#tricky", "相談"},
			{"pillars/1.html#measure-10", "相談"},
		},
		"そうだん": {
			{"pillars/1.html#measure-2", "計画相談支援", "相談支援専門員"},
			{"chapters/02-genjou.html#tricky", "相談", "そうだん"},
			{"pillars/1.html#measure-10", "相談"},
		},
		"ソウダン": {
			{"pillars/1.html#measure-2", "計画相談支援", "相談支援専門員"},
			{"chapters/02-genjou.html#tricky", "相談", "そうだん"},
			{"pillars/1.html#measure-10", "相談"},
		},
		// partial words
		"支援": {
			{"pillars/1.html#measure-2", "支援", "支援"},
			{"contact.html", "支援"},
		},
		"しえん": {{"pillars/1.html#measure-2", "計画相談支援", "相談支援専門員"}},
		// title hits first, then the number of matches
		"けいかく": {
			{"chapters/01-hajimeni.html#keikaku", "計画", "計画", "計画"},
			{"pillars/1.html#measure-2", "計画相談支援", "等利用計画"},
		},
		// half-width text, full-width digits, several words
		"ふぁくす":         {{"contact.html", "ファクス"}},
		"042-346-1111": {{"contact.html", "０４２－３４６－１１１１"}},
		"せいねん　コウケン":    {{"glossary.html#成年後見制度", "成年後見制度", "せいねん", "こうけん"}},
		"相談 xyz":       {},
		"   ":          {},
		"</script>":    {{"chapters/02-genjou.html#tricky", "</script>", "</script>"}},
	}
	var queries []string
	for q := range want {
		queries = append(queries, q)
	}
	out := runJS(t, sampleDocs(), nil, queries)
	for q, w := range want {
		got := out.Results[q]
		if len(got) == 0 && len(w) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("search %q:\n got %q\nwant %q", q, got, w)
		}
	}
}

// With a sharded index of thousands of documents, a query finds exactly
// the documents a full scan finds (every word in the text or its
// reading), and loads only part of the index.
func TestJSShardedRecall(t *testing.T) {
	words := []Run{{"相談", "そうだん"}, {"支援", "しえん"}, {"障害", "しょうがい"}, {"福祉", "ふくし"}, {"計画", "けいかく"},
		{"地域", "ちいき"}, {"生涯", "しょうがい"}, {"の", ""}, {"を", ""}, {"進めます", ""}, {"、", ""}, {"サービス", ""}, {"1人", "ひとり"},
		{"𠮷野", "よしの"}, {"ｶﾞｲﾄﾞ", ""}}
	rng := rand.New(rand.NewPCG(5, 6))
	var docs []Doc
	for i := 0; i < 3000; i++ {
		var runs []Run
		for j := 0; j < 5+rng.IntN(40); j++ {
			runs = append(runs, words[rng.IntN(len(words))])
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("p/%d.html", i), Title: fmt.Sprintf("文書%d", i), Runs: runs})
	}
	queries := []string{"そうだんしえん", "生涯", "障害 ふくし", "援", "ひとりの", "ビス進", "ちいきをけいかく", "ない言葉", "𠮷", "𠮷野の", "ガイド", "がいど"}
	out := runJS(t, docs, nil, queries)
	_, files := sharded(t, docs, "")
	for _, q := range queries {
		want := map[string]bool{}
		for _, d := range docs {
			if matches(d, q) {
				want[d.URL] = true
			}
		}
		got := map[string]bool{}
		for _, r := range out.Results[q] {
			got[r[0]] = true
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: search.js found %d documents, a full scan %d", q, len(got), len(want))
		}
		for u := range got {
			if !want[u] {
				t.Errorf("%q: search.js found %s, which does not match", q, u)
			}
		}
		if len(out.Loads[q]) >= len(files) {
			t.Errorf("%q loaded all %d index files", q, len(files))
		}
	}
}

// matches is the rule search.js applies: every word of q occurs in the
// document's normalised text, its reading or its title.
func matches(d Doc, q string) bool {
	var text, reading strings.Builder
	for _, s := range d.segments() {
		text.WriteString(foldRunes(s.base))
		if s.reading != "" {
			reading.WriteString(s.reading)
		} else {
			reading.WriteString(foldRunes(s.base))
		}
	}
	for _, w := range strings.Fields(Normalize(q)) {
		if !strings.Contains(text.String(), w) && !strings.Contains(reading.String(), w) && !strings.Contains(Normalize(d.Title), w) {
			return false
		}
	}
	return true
}
