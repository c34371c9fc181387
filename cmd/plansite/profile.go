package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// startProfile writes a CPU profile to path until the returned function is
// called.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// watchPeak writes a heap profile to path each time the live heap grows
// by a tenth over the last profile, until the returned function is called:
// the last one written shows what the build held at its peak.
func watchPeak(path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var last uint64
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(100 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > last+last/10 {
				last = ms.HeapAlloc
				if f, err := os.Create(path); err == nil {
					_ = pprof.WriteHeapProfile(f) // a developer's aid: a failed profile is no failed build
					f.Close()
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}
