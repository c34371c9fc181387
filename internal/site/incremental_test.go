package site

import (
	"bytes"
	"os"
	"path/filepath"
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
	oldIndex, err := os.Stat(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := loadSample(t)
	// An annotator whose analyzer cannot run: every text must come from
	// the cache.
	warm := furigana.NewCache(furigana.New(furigana.Dictionary(s.Readings)), cache)
	if warm.Len() == 0 {
		t.Fatal("the first build left no reading cache")
	}
	if _, err := BuildSite(s, Options{Root: sampleRoot, Dest: dest, Minify: true, Readings: warm}); err != nil {
		t.Fatal(err)
	}
	if n := warm.Misses(); n != 0 {
		t.Errorf("a warm build analysed %d texts again", n)
	}
	after := readTree(t, dest)
	for p, data := range before {
		if !bytes.Equal(data, after[p]) {
			t.Errorf("%s changed between two builds of the same input", p)
		}
	}
	newIndex, err := os.Stat(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(oldIndex, newIndex) {
		t.Error("index.html was written again instead of carried over")
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
