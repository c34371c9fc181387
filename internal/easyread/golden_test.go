package easyread

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden checks the report text of testdata/*.easy.md against
// testdata/*.golden. Run `go test ./internal/easyread -update` to rewrite
// the golden files after an intended change, and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.easy.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got := Check(filepath.Base(file), 1, string(src), Config{}).String()
		golden := file[:len(file)-len(".easy.md")] + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s: report differs from %s\n--- got\n%s--- want\n%s", file, golden, got, want)
		}
	}
}
