package site

import (
	"os"
	"path/filepath"
	"testing"
)

// A symbolic link as the output folder stays a link; the folder it points
// to gets the new output.
func TestSymlinkedOutput(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "www")
	link := filepath.Join(dir, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := Build(Options{Root: sampleRoot, Dest: link, Minify: true}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := os.Lstat(link)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the output link was replaced: %v, %v", st, err)
	}
	if _, err := os.Stat(filepath.Join(target, "index.html")); err != nil {
		t.Errorf("the linked folder has no index.html: %v", err)
	}
}
