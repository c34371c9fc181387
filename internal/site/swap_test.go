package site

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
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

// While swaps replace the output, a reader finds the home page at every
// moment (Linux exchanges the folders in one step).
func TestSwapLeavesNoHole(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the one-step exchange is Linux's")
	}
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	page := func(d string) {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "index.html"), []byte("<p>x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page(dest)
	var stop, misses, reads atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for stop.Load() == 0 {
			reads.Add(1)
			if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
				misses.Add(1)
			}
		}
	}()
	for i := 0; i < 3000; i++ {
		tmp := filepath.Join(dir, "next")
		page(tmp)
		if err := swap(tmp, dest); err != nil {
			t.Fatal(err)
		}
	}
	stop.Store(1)
	<-done
	if misses.Load() > 0 {
		t.Errorf("index.html was missing %d times in %d reads during 3000 swaps", misses.Load(), reads.Load())
	}
}
