// Package parallel runs the iterations of a loop on a fixed number of
// goroutines: the build's pages, the EPUB's documents, the benchmark's
// floors.
package parallel

import (
	"runtime"
	"sync"
)

// For calls do(i) for every i in [0, n) on workers goroutines (GOMAXPROCS
// when workers ≤ 0) and returns when all calls have. Each call should
// write only its own slot of a result slice, so that results do not depend
// on scheduling.
func For(n, workers int, do func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				do(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
}
