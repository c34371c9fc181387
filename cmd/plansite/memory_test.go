package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The limit follows a live heap that outgrows it, and is left alone when
// the user set GOMEMLIMIT.
func TestLimitMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Run("user's limit", func(t *testing.T) {
		t.Setenv("GOMEMLIMIT", "1GiB")
		debug.SetMemoryLimit(math.MaxInt64)
		limitMemory(8 << 20)()
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("limit %d, want the user's to stay", got)
		}
	})
	t.Run("raised", func(t *testing.T) {
		stop := limitMemory(8 << 20)
		if got := debug.SetMemoryLimit(-1); got != 8<<20 {
			t.Errorf("limit %d, want %d", got, 8<<20)
		}
		held := make([][]byte, 0, 64)
		for range 64 {
			held = append(held, make([]byte, 1<<20)) // 64 MiB live
		}
		deadline := time.Now().Add(10 * time.Second)
		for debug.SetMemoryLimit(-1) < 64<<20 && time.Now().Before(deadline) {
			runtime.GC()
			time.Sleep(30 * time.Millisecond)
		}
		stop()
		if got := debug.SetMemoryLimit(-1); got < 64<<20 {
			t.Errorf("limit %d with 64 MiB live, want it raised above", got)
		}
		runtime.KeepAlive(held)
	})
}
