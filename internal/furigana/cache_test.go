package furigana

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	a := New(Dictionary{"小平": "こだいら"})
	texts := []string{"小平市の相談支援を充実させます。", "3人で話し合う", "かなだけ", "", "障がい者の社会参加と4月1日"}
	c := NewCache(a, dir)
	var want [][]Token
	for _, s := range texts {
		want = append(want, c.Analyze(s))
	}
	if err := c.Save(true); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "furigana-*.bin"))
	if len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
	// A new cache over an annotator whose analyzer must not run.
	b := New(Dictionary{"小平": "こだいら"})
	b.once.Do(func() {}) // tokenizer stays nil: any analysis would panic
	c2 := NewCache(b, dir)
	for i, s := range texts {
		got := c2.Analyze(s)
		if !slices.Equal(got, want[i]) {
			t.Errorf("%q: cached %v, want %v", s, got, want[i])
		}
	}
	if c2.fresh != 0 {
		t.Errorf("%d texts analysed again", c2.fresh)
	}
}

// A damaged or foreign cache file is ignored, never fatal.
func TestCacheDamagedFile(t *testing.T) {
	dir := t.TempDir()
	a := New(nil)
	c := NewCache(a, dir)
	c.Analyze("相談支援")
	if err := c.Save(false); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(c.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{data[:len(data)/2], append([]byte("garbage"), data...), {}} {
		if err := os.WriteFile(c.path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		c2 := NewCache(a, dir)
		if len(c2.entries) != 0 {
			t.Errorf("damaged file of %d bytes was loaded", len(bad))
		}
		if got := text(c2.Analyze("相談支援"), "text"); got != "相談(そうだん)支援(しえん)" {
			t.Errorf("after a damaged file: %s", got)
		}
	}
}

// The arena keeps entries apart across its blocks, entries larger than a
// block included, and they survive a save and a load.
func TestCacheArenaBlocks(t *testing.T) {
	dir := t.TempDir()
	c := NewCache(New(nil), dir)
	sizes := []int{blockSize / 2, blockSize / 2, 10, 2*blockSize + 3, 0, 7}
	want := map[[16]byte][]byte{}
	for i, n := range sizes {
		enc := []byte(strings.Repeat(string(rune('a'+i)), n))
		k := key(strings.Repeat("漢", i+1))
		want[k] = enc
		c.put(k, enc)
	}
	if len(c.arena) < 3 {
		t.Errorf("%d blocks for %d bytes", len(c.arena), 3*blockSize)
	}
	check := func(c *Cache, when string) {
		for k, enc := range want {
			if got := c.bytes(c.entries[k]); string(got) != string(enc) {
				t.Errorf("%s: entry of %d bytes reads back %d bytes", when, len(enc), len(got))
			}
		}
	}
	check(c, "stored")
	if err := c.Save(true); err != nil {
		t.Fatal(err)
	}
	c2 := NewCache(New(nil), dir)
	if len(c2.entries) != len(want) {
		t.Fatalf("loaded %d entries, want %d", len(c2.entries), len(want))
	}
	check(c2, "loaded")
}

// A whole build's save keeps only the texts it used: loaded texts that no
// page asked for are dropped, so the file does not grow with texts that
// are gone; a partial build's save keeps them.
func TestCacheSavePrunes(t *testing.T) {
	dir := t.TempDir()
	a := New(nil)
	c := NewCache(a, dir)
	c.Analyze("古い文章です")
	c.Analyze("相談支援")
	if err := c.Save(false); err != nil {
		t.Fatal(err)
	}
	keep := NewCache(a, dir)
	keep.Analyze("相談支援")
	keep.Analyze("新しい計画")
	if err := keep.Save(false); err != nil {
		t.Fatal(err)
	}
	if n := NewCache(a, dir).Len(); n != 3 {
		t.Errorf("after a partial save: %d texts, want 3", n)
	}
	whole := NewCache(a, dir)
	whole.Analyze("相談支援")
	whole.Analyze("新しい計画")
	if err := whole.Save(true); err != nil {
		t.Fatal(err)
	}
	after := NewCache(a, dir)
	if n := after.Len(); n != 2 {
		t.Errorf("after a whole build's save: %d texts, want 2", n)
	}
	if _, ok := after.entries[key("古い文章です")]; ok {
		t.Error("a text no page used was kept")
	}
}

// Saving the cache removes the files of other versions or dictionaries,
// so a cache folder does not grow with every upgrade, and leaves other
// files alone.
func TestCacheSaveRemovesStaleFiles(t *testing.T) {
	dir := t.TempDir()
	old := NewCache(New(Dictionary{"小平": "おだいら"}), dir)
	old.Analyze("小平市の相談支援")
	if err := old.Save(false); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "build-0123.gob")
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := NewCache(New(nil), dir)
	c.Analyze("相談支援")
	if err := c.Save(false); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if !slices.Equal(files, []string{other, c.path}) && !slices.Equal(files, []string{c.path, other}) {
		t.Errorf("files after saving: %v, want %s and %s", files, c.path, other)
	}
}

// The cache key changes with the site's dictionary.
func TestCacheKeyedByDictionary(t *testing.T) {
	a, b := New(nil), New(Dictionary{"小平": "おだいら"})
	if a.fingerprint() == b.fingerprint() {
		t.Error("the same cache file for two dictionaries")
	}
}

func TestDecodeTokensRejectsMismatch(t *testing.T) {
	enc := encodeTokens([]Token{{Text: "の"}, {Text: "相談", Reading: "そうだん"}})
	if _, ok := decodeTokens("短", enc); ok {
		t.Error("decoded readings that do not fit the text")
	}
}

func TestFilterModes(t *testing.T) {
	a := New(nil)
	all := a.Analyze("学校で相談します")
	if got := text(Filter(all, Mode{Grade: 6}), "text"); got != "学校で相談します" {
		t.Errorf("grade 6: %s", got)
	}
	if got := text(Filter(all, Mode{}), "text"); got != "学校で相談します" {
		t.Errorf("none: %s", got)
	}
	if got, want := text(Filter(all, Mode{All: true}), "text"), text(a.Annotate("学校で相談します", Mode{All: true}), "text"); got != want {
		t.Errorf("all: %s, want %s", got, want)
	}
}

func text(toks []Token, format string) string {
	s, err := Format(toks, format)
	if err != nil {
		panic(err)
	}
	return s
}

// A long text is analysed in pieces cut after sentence ends, with the same
// readings as its sentences alone, and nothing lost.
func TestLongTextInPieces(t *testing.T) {
	a := New(nil)
	sentence := "障がいのある人が地域で安心して暮らせるよう、相談支援の体制を充実させます。"
	long := strings.Repeat(sentence, 200) + strings.Repeat("相談", 2000)
	for _, p := range sentences(long) {
		if len(p) > maxPiece {
			t.Fatalf("a piece of %d bytes", len(p))
		}
	}
	if got := strings.Join(sentences(long), ""); got != long {
		t.Fatal("cutting lost text")
	}
	one := text(a.Analyze(sentence), "text")
	all := text(a.Analyze(long), "text")
	if !strings.HasPrefix(all, strings.Repeat(one, 3)) {
		t.Errorf("readings changed in a long text:\n%s\nwant each sentence as\n%s", all[:300], one)
	}
}
