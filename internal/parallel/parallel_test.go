package parallel

import (
	"sync/atomic"
	"testing"
)

// Every index is visited exactly once, whatever the number of workers.
func TestForVisitsEachIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 50} {
		const n = 1000
		var seen [n]atomic.Int32
		For(n, workers, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("workers %d: index %d visited %d times", workers, i, c)
			}
		}
	}
	For(0, 2, func(int) { t.Fatal("called for an empty range") })
}
