package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A new disk mounted as the output folder holds only lost+found: it counts
// as empty. Anything else beside it makes the folder someone's.
func TestForeignIgnoresLostFound(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(filepath.Join(dest, "lost+found"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := checkForeign(dest); err != nil {
		t.Errorf("a folder with only lost+found was refused: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dest, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkForeign(dest); err == nil || !strings.Contains(err.Error(), "was not made by plansite") {
		t.Errorf("a folder with someone's file was accepted: %v", err)
	}
}
