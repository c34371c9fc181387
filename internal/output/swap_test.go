package output

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
)

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
