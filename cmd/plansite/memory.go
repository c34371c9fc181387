package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// buildMemoryLimit is the soft memory limit of plansite build when the user
// sets no GOMEMLIMIT. Go's default pace lets the heap grow to twice what is
// live and keeps freed memory mapped: the cold build of a 10,000-chapter
// site, whose live heap peaks near 600 MB, reached 1.75 GB of RSS. Under
// this limit it stays under 1 GiB for the same CPU time (measured in
// docs/performance.md); smaller sites never reach it.
const buildMemoryLimit = 900 << 20

// limitMemory sets base as the soft memory limit unless the user set
// GOMEMLIMIT, and watches the live heap: whenever it passes three quarters
// of the limit, the limit is raised to twice the live heap (the headroom
// of Go's default pace), so that a site too large for base makes the
// garbage collector work as usual instead of collecting without pause. It
// returns a function that stops watching.
func limitMemory(base int64) (stop func()) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return func() {}
	}
	limit := base
	debug.SetMemoryLimit(limit)
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(live)
			if n := int64(live[0].Value.Uint64()); n > limit/4*3 {
				limit = 2 * n
				debug.SetMemoryLimit(limit)
			}
		}
	}()
	return func() { close(done); <-finished }
}
