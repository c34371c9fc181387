package output

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// tree reads every file under dir: path → content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUpdateInPlace(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	f, err := New(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string]string{"index.html": "home", "a/b.html": "b", "a/c.html": "c", "gone/x.html": "x"} {
		if err := f.WriteRaw(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	kept, _ := os.Stat(filepath.Join(dest, "a", "c.html"))
	same, _ := os.Stat(filepath.Join(dest, "index.html"))

	f, err = Update(dest, false, f.Files())
	if err != nil {
		t.Fatal(err)
	}
	if !f.Link("a/c.html") || f.Link("missing.html") {
		t.Error("Link in place: want true for a file of the destination, false for a missing one")
	}
	for p, data := range map[string]string{"index.html": "home", "a/b.html": "B", "new/n.html": "n"} {
		if err := f.WriteRaw(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := f.Read("a/c.html"); err != nil || string(got) != "c" {
		t.Errorf("Read of a file left in place = %q, %v", got, err)
	}
	if got := tree(t, dest); got["a/b.html"] != "b" || got["new/n.html"] != "" {
		t.Errorf("the destination changed before Commit: %v", got)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	got := tree(t, dest)
	want := map[string]string{"index.html": "home", "a/b.html": "B", "a/c.html": "c", "new/n.html": "n"}
	if len(got) != len(want) {
		t.Errorf("destination = %v, want %v", got, want)
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s = %q, want %q", p, got[p], w)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "gone")); err == nil {
		t.Error("the folder of a removed file was left, empty")
	}
	for name, before := range map[string]os.FileInfo{"a/c.html": kept, "index.html": same} {
		after, _ := os.Stat(filepath.Join(dest, name))
		if !os.SameFile(before, after) {
			t.Errorf("%s, unchanged, was written again", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if strings.Join(names, ",") != "public" {
		t.Errorf("left beside the destination: %v", names)
	}
}

func TestUpdateDiscardLeavesDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	f, _ := New(dest, false)
	f.WriteRaw("index.html", []byte("old"))
	f.WriteRaw("other.html", []byte("other"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f, err := Update(dest, false, f.Files())
	if err != nil {
		t.Fatal(err)
	}
	f.WriteRaw("index.html", []byte("new"))
	f.Discard()
	got := tree(t, dest)
	if got["index.html"] != "old" || got["other.html"] != "other" || len(got) != 2 {
		t.Errorf("a discarded update changed the destination: %v", got)
	}
}
