package easyread

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkCheck checks the sample easy text repeated to about 100 KB.
func BenchmarkCheck(b *testing.B) {
	src, err := os.ReadFile("testdata/sample.easy.md")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(src)+"\n", 100_000/len(src)+1)
	b.SetBytes(int64(len(text)))
	cfg := DefaultConfig()
	for i := 0; i < b.N; i++ {
		Check("bench.md", 1, text, cfg)
	}
}
