package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/render"
)

// epubcheckJar is where Debian's epubcheck package puts the validator;
// `make test` installs it (scripts/install-deps.sh).
const epubcheckJar = "/usr/share/java/epubcheck.jar"

// TestEPUBCheck validates the EPUBs of the sample (both variants and the
// 縦書き edition) with epubcheck: no fatal error, error or warning.
func TestEPUBCheck(t *testing.T) {
	if _, err := os.Stat(epubcheckJar); err != nil {
		t.Skip("epubcheck is not installed (make test installs it with scripts/install-deps.sh)")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java is not installed")
	}
	dest, _ := buildSample(t, true)
	for _, p := range []string{render.EPUBPath, render.EasyEPUBPath, render.VerticalEPUBPath} {
		out, err := exec.Command(java, "-jar", epubcheckJar, filepath.Join(dest, p)).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "No errors or warnings detected") {
			t.Errorf("epubcheck %s: %v\n%s", p, err, out)
		}
	}
}
