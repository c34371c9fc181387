package furigana

import (
	"iter"
	"strings"
)

// dataLines yields the lines of an embedded data file with their 1-based
// numbers, leaving out blank lines and # comments, so that every parser of
// the package's data files reads them the same way.
func dataLines(data string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		n := 0
		for line := range strings.Lines(data) {
			n++
			line = strings.TrimRight(line, "\r\n")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(n, line) {
				return
			}
		}
	}
}
