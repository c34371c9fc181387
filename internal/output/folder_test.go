package output

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// Replace changes a file written earlier in the build, never the previous
// output's copy it was linked from, and lists the file once.
func TestFolderReplaceKeepsPreviousOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	f, err := New(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.WriteRaw("index.html", []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if f, err = New(dest, false); err != nil {
		t.Fatal(err)
	}
	if !f.Link("index.html") {
		t.Fatal("not linked")
	}
	if n, err := f.Replace("index.html", []byte("newer")); err != nil || n != 5 {
		t.Fatalf("Replace = %d, %v", n, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "old" {
		t.Errorf("the previous output changed: %q", got)
	}
	if got, _ := f.Read("index.html"); string(got) != "newer" {
		t.Errorf("replaced file = %q", got)
	}
	if got := strings.Join(f.Files(), ","); got != "index.html" {
		t.Errorf("Files() = %s", got)
	}
	// bytes equal to the previous output's are linked from it again
	if _, err := f.Replace("index.html", []byte("old")); err != nil {
		t.Fatal(err)
	}
	a, _ := os.Stat(filepath.Join(dest, "index.html"))
	b, _ := os.Stat(f.Path("index.html"))
	if !os.SameFile(a, b) {
		t.Error("bytes equal to the previous output's were not linked")
	}
	f.Discard()
}

// WriteStream writes a file as a stream and records it; a failed write
// leaves no file behind and records nothing.
func TestFolderWriteStream(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	f, err := New(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Discard()
	err = f.WriteStream("downloads/a.zip", func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Repeat("x", 100_000))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if data, err := f.Read("downloads/a.zip"); err != nil || len(data) != 100_000 {
		t.Errorf("written %d bytes (%v), want 100000", len(data), err)
	}
	bad := errors.New("disk full")
	err = f.WriteStream("downloads/b.zip", func(w io.Writer) error {
		io.WriteString(w, "part")
		return bad
	})
	if !errors.Is(err, bad) {
		t.Errorf("error %v, want %v", err, bad)
	}
	if _, err := os.Stat(f.Path("downloads/b.zip")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed write left a file (%v)", err)
	}
	if got := f.Files(); !slices.Equal(got, []string{"downloads/a.zip"}) {
		t.Errorf("files %v, want only downloads/a.zip", got)
	}
}
