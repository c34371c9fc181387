package search

import (
	"bytes"
	"encoding/base64"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestAlign(t *testing.T) {
	tests := []struct{ text, reading, want string }{
		{"相談支援事業所の数", "そうだんしえんじぎょうしょのかず", "{相談支援事業所|そうだんしえんじぎょうしょ}の{数|かず}"},
		{"ピアサポートの推進", "ピアサポートのすいしん", "ピアサポートの{推進|すいしん}"},
		{"サービスを使う人", "サービスをつかうひと", "サービスを{使|つか}う{人|ひと}"},
		{"障がい者支援課", "しょうがいしゃしえんか", "{障|しょう}がい{者支援課|しゃしえんか}"},
		{"1人ひとりに", "ひとりひとりに", "{1人|ひとり}ひとりに"},
		{"2029年度", "2029ねんど", "2029{年度|ねんど}"},
		{"NPO法人", "NPOほうじん", "NPO{法人|ほうじん}"},
		{"ＮＰＯ法人", "NPOほうじん", "ＮＰＯ{法人|ほうじん}"}, // text keeps its width
		{"野の花", "ののはな", "{野|の}の{花|はな}"},
		{"相談", "", "相談"},            // no reading: literal
		{"相談", "ソウダン", "{相談|そうだん}"}, // katakana reading folded
		{"ｻｰﾋﾞｽ", "さーびす", "サービス"},   // composed, no ruby
		{"相談する", "そうだんする", "{相談|そうだん}する"},
		// out of step: an analyzer that reads "NPO" absorbs it into the run
		{"NPO法人です", "えぬぴーおーほうじんです", "{NPO法人|えぬぴーおーほうじん}です"},
		// a reading that does not fit at all: one run, no text lost
		{"相談の窓口", "まったくちがう", "{相談の窓口|まったくちがう}"},
		{"{注}|a\\b", "{ちゅう}|a\\b", "\\{{注|ちゅう}\\}\\|a\\\\b"},
	}
	for _, tt := range tests {
		got := encodeRuby(align(Compose(tt.text), tt.reading))
		if got != tt.want {
			t.Errorf("align(%q, %q) = %q, want %q", tt.text, tt.reading, got, tt.want)
		}
	}
}

// TestAlignKeepsText checks that the ruby text always decodes to the
// composed text, whatever the reading.
func TestAlignKeepsText(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("相談支援のをにがサービス 、。1２aＢ{|}\\々ヶｶﾞ")
	for i := 0; i < 2000; i++ {
		text := randString(rng, alphabet, 30)
		reading := randString(rng, alphabet, 40)
		var b strings.Builder
		for _, s := range align(Compose(text), reading) {
			b.WriteString(string(s.base))
		}
		if b.String() != Compose(text) {
			t.Fatalf("align(%q, %q) lost text: %q", text, reading, b.String())
		}
	}
}

func randString(rng *rand.Rand, alphabet []rune, n int) string {
	rs := make([]rune, rng.IntN(n))
	for i := range rs {
		rs[i] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(rs)
}

// sampleDocs is a tiny site: a measure, a chapter section, a glossary
// term, an easy page, and texts that try to break out of the script.
func sampleDocs() []Doc {
	return []Doc{
		alignedDoc("pillars/1.html#measure-10", "施策10 ピアサポートの推進", "基本施策1", "施策10 ピアサポートの推進 障がいのある人が仲間の相談にのります。", "しさく10 ピアサポートのすいしん しょうがいのあるひとがなかまのそうだんにのります。"),
		alignedDoc("pillars/1.html#measure-2", "施策2 計画相談支援の充実", "基本施策1", "施策2 計画相談支援の充実 サービス等利用計画をつくれるよう、相談支援専門員を育てます。", "しさく2 けいかくそうだんしえんのじゅうじつ サービスとうりようけいかくをつくれるよう、そうだんしえんせんもんいんをそだてます。"),
		alignedDoc("chapters/01-hajimeni.html#keikaku", "計画の位置づけ", "計画の策定にあたって", "計画の位置づけ この計画は、障害者基本法に基づく計画です。", "けいかくのいちづけ このけいかくは、しょうがいしゃきほんほうにもとづくけいかくです。"),
		alignedDoc("glossary.html#成年後見制度", "成年後見制度", "用語集", "成年後見制度 （せいねんこうけんせいど） 判断する力が十分でない人を守る制度です。", "せいねんこうけんせいど （せいねんこうけんせいど） はんだんするちからがじゅうぶんでないひとをまもるせいどです。"),
		alignedDoc("contact.html", "お問い合わせ", "お問い合わせ", "障がい者支援課 電話 ０４２－３４６－１１１１ ﾌｧｸｽ 042-346-1112", ""),
		alignedDoc("chapters/02-genjou.html#tricky", "</script><script>alert(1)</script>", "<!-- & -->", "</script><script>alert(\"x\")</script> \u2028 {相談|そうだん} & <!--", "</script><script>alert(\"x\")</script> \u2028 {そうだん|そうだん} & <!--"),
	}
}

// file is one file of a sharded index.
type file struct {
	Name string
	Data []byte
}

// sharded is the index of docs: its entry script and its files as
// written.
func sharded(t testing.TB, docs []Doc, dir string) ([]byte, []file) {
	var files []file
	entry, err := WriteSharded(Records(docs), dir, 2, func(name string, data []byte) error {
		files = append(files, file{name, data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return entry, files
}

// unpack returns the JSON a file hands to search.js, decompressed.
func unpack(t testing.TB, data []byte) string {
	s := string(data)
	i := strings.Index(s, ",\"")
	if !strings.HasPrefix(s, "window.PLANSITE_SEARCH_LOAD(\"") || i < 0 || !strings.HasSuffix(s, "\");\n") {
		t.Fatalf("unexpected frame: %q", s)
	}
	z, err := base64.StdEncoding.DecodeString(s[i+2 : len(s)-4])
	if err != nil {
		t.Fatal(err)
	}
	out, err := inflate(z)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// indexAll is the whole sharded index of docs as one text: the entry
// script, then each file's JSON after a "== name" line.
func indexAll(t testing.TB, docs []Doc) []byte {
	entry, files := sharded(t, docs, "s/")
	out := append([]byte(nil), entry...)
	for _, f := range files {
		out = append(out, "== "+f.Name+"\n"...)
		out = append(out, unpack(t, f.Data)+"\n"...)
	}
	return out
}

func TestIndexGolden(t *testing.T) {
	got := indexAll(t, sampleDocs())
	path := filepath.Join("testdata", "index.golden.js")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/search -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Index differs from %s (run with -update if the change is intended):\n%s", path, got)
	}
}

func TestIndexDeterministic(t *testing.T) {
	docs := sampleDocs()
	want := indexAll(t, docs)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20; i++ {
		shuffled := append([]Doc(nil), docs...)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if got := indexAll(t, shuffled); !bytes.Equal(got, want) {
			t.Fatalf("Index depends on the order of docs:\n%s\nvs\n%s", got, want)
		}
	}
}

func TestIndexOrder(t *testing.T) {
	out := string(indexAll(t, sampleDocs()))
	order := []string{"chapters/01-hajimeni.html", "chapters/02-genjou.html", "contact.html", "glossary.html", "measure-2\"", "measure-10\""}
	last := -1
	for _, s := range order {
		i := strings.Index(out, s)
		if i < last {
			t.Errorf("%s is out of order in\n%s", s, out)
		}
		last = i
	}
}

func TestIndexEscaping(t *testing.T) {
	entry, files := sharded(t, sampleDocs(), "s/")
	out := string(entry)
	for _, f := range files {
		out += string(f.Data)
	}
	for _, bad := range []string{"</script", "</", "<!--", "<script", "\u2028", "&"} {
		if strings.Contains(out, bad) {
			t.Errorf("index contains %q:\n%s", bad, out)
		}
	}
	if !strings.HasPrefix(out, "/*") || !strings.Contains(out, "\nwindow.PLANSITE_SEARCH = {\"version\":3,") || !strings.Contains(out, "window.PLANSITE_SEARCH_LOAD(\"d0\",\"") {
		t.Errorf("unexpected frame:\n%s", out)
	}
}

func TestIndexEmpty(t *testing.T) {
	want := "/* plansite search index: generated, do not edit. */\nwindow.PLANSITE_SEARCH = {\"version\":3,\"dir\":\"s/\",\"grams\":1,\"count\":0,\"chunks\":[]};\n" +
		"== g0.js\n{}\n"
	if got := string(indexAll(t, nil)); got != want {
		t.Errorf("indexAll(nil) = %q, want %q", got, want)
	}
}

func TestNaturalCompare(t *testing.T) {
	sorted := []string{"a", "a1", "a2", "a02", "a10", "a10b", "b", "pillars/1.html#measure-2", "pillars/1.html#measure-10", "pillars/2.html"}
	for i := range sorted {
		for j := range sorted {
			c := naturalCompare(sorted[i], sorted[j])
			if (i < j && c >= 0) || (i > j && c <= 0) || (i == j && c != 0) {
				t.Errorf("naturalCompare(%q, %q) = %d", sorted[i], sorted[j], c)
			}
		}
	}
}

// BenchmarkSharded indexes 200 documents of about 300 characters.
func BenchmarkSharded(b *testing.B) {
	docs := benchDocs(200)
	b.ResetTimer()
	for b.Loop() {
		indexAll(b, docs)
	}
}

func benchDocs(n int) []Doc {
	base := sampleDocs()[:4]
	docs := make([]Doc, 0, n)
	for i := 0; i < n; i++ {
		d := base[i%len(base)]
		d.URL = d.URL + "-" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		d.Runs = slices.Repeat(d.Runs, 6)
		docs = append(docs, d)
	}
	return docs
}
