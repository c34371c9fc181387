package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFolderCommitAndCarryOver(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write := func(files map[string]string) *Folder {
		t.Helper()
		f, err := New(dest, true)
		if err != nil {
			t.Fatal(err)
		}
		for p, data := range files {
			if _, err := f.Write(p, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		return f
	}
	f := write(map[string]string{"index.html": "<p>  a  </p>", "a/b.txt": "same"})
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); strings.Contains(string(got), "  ") {
		t.Errorf("HTML not minified: %q", got)
	}
	before, _ := os.Stat(filepath.Join(dest, "a", "b.txt"))

	f = write(map[string]string{"index.html": "<p>b</p>", "a/b.txt": "same"})
	if got := strings.Join(f.Files(), ","); got != "a/b.txt,index.html" {
		t.Errorf("Files() = %s", got)
	}
	f.Discard()
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); !strings.Contains(string(got), "a") {
		t.Errorf("a discarded build changed the destination: %q", got)
	}

	f = write(map[string]string{"index.html": "<p>b</p>", "a/b.txt": "same"})
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(filepath.Join(dest, "a", "b.txt"))
	if !os.SameFile(before, after) {
		t.Error("an unchanged file was written again instead of linked")
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "<p>b" && string(got) != "<p>b</p>" {
		t.Errorf("index.html = %q", got)
	}
	if _, err := os.Stat(dest + "-old"); err == nil {
		t.Error("the old output was left beside the destination")
	}
}

func TestFolderLinkSized(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	f, _ := New(dest, false)
	f.WriteRaw("x.html", []byte("12345"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f, _ = New(dest, false)
	defer f.Discard()
	if f.LinkSized("x.html", 4) {
		t.Error("linked a file of another size")
	}
	if !f.LinkSized("x.html", 5) || !f.Exists("x.html") {
		t.Error("did not link the previous file")
	}
	if f.Link("missing.html") {
		t.Error("linked a file the previous output lacks")
	}
}
