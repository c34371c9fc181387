package render

import "testing"

func TestFileSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "1KB", 300: "1KB", 1536: "2KB", 52 * 1024: "52KB", 1024*1024 - 1: "1.0MB",
		1024 * 1024: "1.0MB", 2621440: "2.5MB", 120 * 1024 * 1024: "120.0MB",
	} {
		if got := FileSize(n); got != want {
			t.Errorf("FileSize(%d) = %s, want %s", n, got, want)
		}
	}
}
