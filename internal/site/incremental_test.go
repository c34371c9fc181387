package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/plan"
)

// A second build over the same output with a warm reading cache gives the
// same bytes, carries unchanged files over (same inode, nothing rewritten)
// and analyses no text again.
func TestRebuildCarriesOverAndUsesCache(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	if _, err := Build(Options{Root: sampleRoot, Dest: dest, Minify: true, CacheDir: cache}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	s := loadSample(t)
	// An annotator whose analyzer cannot run: every text must come from
	// the cache.
	warm := furigana.NewCache(furigana.New(furigana.Dictionary(s.Readings)), cache)
	if warm.Len() == 0 {
		t.Fatal("the first build left no reading cache")
	}
	// Without the manifest every page renders, from the cache alone.
	if _, err := BuildSite(s, Options{Root: sampleRoot, Dest: dest, Minify: true, Readings: warm}); err != nil {
		t.Fatal(err)
	}
	if n := warm.Misses(); n != 0 {
		t.Errorf("a warm build analysed %d texts again", n)
	}
	// With it, nothing renders: pages, index and downloads are carried over.
	carried := []string{"index.html", "assets/search/std/d0.js", "downloads/plan.zip"}
	old := map[string]os.FileInfo{}
	for _, p := range carried {
		st, err := os.Stat(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		old[p] = st
	}
	if _, err := BuildSite(s, Options{Root: sampleRoot, Dest: dest, Minify: true, Readings: warm, CacheDir: cache}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, before, readTree(t, dest), "the first build")
	for _, p := range carried {
		st, err := os.Stat(filepath.Join(dest, p))
		if err != nil || !os.SameFile(old[p], st) {
			t.Errorf("%s was written again instead of carried over (%v)", p, err)
		}
	}
}

func loadSample(t *testing.T) *plan.Site {
	t.Helper()
	s, err := plan.Load(sampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// copySample copies the sample's content into a new site folder.
func copySample(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join(sampleRoot, "content"))); err != nil {
		t.Fatal(err)
	}
	return root
}

// inodes maps each file of a tree to its file info, to tell which files a
// build wrote again.
func inodes(t *testing.T, dir string) map[string]os.FileInfo {
	t.Helper()
	out := map[string]os.FileInfo{}
	for p := range readTree(t, dir) {
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		out[p] = st
	}
	return out
}

// An edit re-renders what it affects and carries the rest over; the
// result is always the bytes of a build from scratch.
func TestIncrementalEdits(t *testing.T) {
	root := copySample(t)
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	build := func() {
		t.Helper()
		if _, err := Build(Options{Root: root, Dest: dest, Minify: true, CacheDir: cache}); err != nil {
			t.Fatal(err)
		}
	}
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(root, "content", name)
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s lacks %q (%v)", name, old, err)
		}
		if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sameAsScratch := func() {
		t.Helper()
		scratch := filepath.Join(t.TempDir(), "public")
		if _, err := Build(Options{Root: root, Dest: scratch, Minify: true}); err != nil {
			t.Fatal(err)
		}
		sameTrees(t, readTree(t, scratch), readTree(t, dest), "a build from scratch")
	}
	build()
	before := inodes(t, dest)

	// A chapter's body: its two pages, the search indexes and the bundles.
	edit("chapters/02-genjou.md", "ここ数年はほぼ横ばいです。", "ここ数年は少し増えています。")
	build()
	sameAsScratch()
	after := inodes(t, dest)
	rewritten := map[string]bool{}
	for p, st := range after {
		if !os.SameFile(st, before[p]) {
			rewritten[p] = true
		}
	}
	for _, p := range []string{"chapters/02-genjou.html", "downloads/plan.zip"} {
		if !rewritten[p] {
			t.Errorf("%s was not rewritten after its chapter changed", p)
		}
	}
	shards := 0
	for p := range rewritten {
		if strings.HasPrefix(p, "assets/search/std/") {
			shards++
		}
	}
	if shards == 0 {
		t.Error("no search shard was rewritten after a chapter changed")
	}
	// (not the home pages: they state the downloads' sizes, which change)
	for _, p := range []string{"measures.html", "chapters/01-hajimeni.html", "pillars/1.html", "easy/chapters/02-genjou.html"} {
		if rewritten[p] {
			t.Errorf("%s was rewritten, but nothing it shows changed", p)
		}
	}

	// A chapter's title shows in menus, cards and neighbours: every page.
	edit("chapters/02-genjou.md", "title: ", "title: 新しい")
	build()
	sameAsScratch()
}

// The pages' search records live beside the manifest and are read only
// when pages are carried over and the index is made again. A build with
// nothing changed does not need them; a damaged file makes the next edit
// render every page, never lose a page from the index.
func TestSearchRecordsFile(t *testing.T) {
	root := copySample(t)
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	build := func() Stats {
		t.Helper()
		st, err := Build(Options{Root: root, Dest: dest, Minify: true, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	build()
	records := docsPath(manifestPath(cache, dest))
	if st, err := os.Stat(records); err != nil || st.Size() == 0 {
		t.Fatalf("no search records beside the manifest: %v", err)
	}
	if err := os.WriteFile(records, []byte("damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := build(); st.Carried != st.Pages { // nothing changed: no records needed
		t.Errorf("a build with nothing changed carried %d of %d pages", st.Carried, st.Pages)
	}
	p := filepath.Join(root, "content", "chapters", "02-genjou.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte("横ばい"), []byte("増加"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := build(); st.Carried != 0 {
		t.Errorf("with damaged search records, %d pages were carried over (and their records lost)", st.Carried)
	}
	scratch := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: root, Dest: scratch, Minify: true}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, readTree(t, scratch), readTree(t, dest), "a build from scratch")
}

// Markdown warnings come from the manifest for blocks that did not change:
// a build with nothing changed, or with another file edited, prints the
// same warnings; fixing the block drops its warning.
func TestWarningsAcrossBuilds(t *testing.T) {
	root := copySample(t)
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	ch := filepath.Join(root, "content", "chapters", "02-genjou.md")
	src, err := os.ReadFile(ch)
	if err != nil {
		t.Fatal(err)
	}
	table := "\n\n| 年度 | 人数 |\n|---|---|\n| 令和5年度 | 10 |\n"
	if err := os.WriteFile(ch, append(append([]byte(nil), src...), table...), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func() string {
		t.Helper()
		var warn bytes.Buffer
		if _, err := Build(Options{Root: root, Dest: dest, Minify: true, CacheDir: cache, Warnings: &warn}); err != nil {
			t.Fatal(err)
		}
		return warn.String()
	}
	first := build()
	if !strings.Contains(first, "content/chapters/02-genjou.md:") || !strings.Contains(first, "caption") {
		t.Fatalf("no caption warning for the new table:\n%s", first)
	}
	if again := build(); again != first {
		t.Errorf("a build with nothing changed printed other warnings:\n%s\nwant:\n%s", again, first)
	}
	other := filepath.Join(root, "content", "chapters", "01-hajimeni.md")
	data, _ := os.ReadFile(other)
	if err := os.WriteFile(other, append(data, "\n追記です。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if again := build(); again != first {
		t.Errorf("an edit of another chapter changed the warnings:\n%s\nwant:\n%s", again, first)
	}
	if err := os.WriteFile(ch, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if fixed := build(); strings.Contains(fixed, "content/chapters/02-genjou.md:") && strings.Contains(fixed, "caption") {
		t.Errorf("the warning stays after the table was removed:\n%s", fixed)
	}
}
