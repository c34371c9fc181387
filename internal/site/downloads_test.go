package site

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/render"
	"github.com/plansite/plansite/internal/sitetest"
)

// sizeRe finds the downloads and the sizes their links state.
var (
	linkRe = regexp.MustCompile(`href="(?:\.\./)?(downloads/[^"]+)" download>(.*?)</a>`)
	sizeRe = regexp.MustCompile(`、(?:<ruby class="furi">大<rp>（</rp><rt inert>おお</rt><rp>）</rp></ruby>きさ(?:\x{00a0}|&nbsp;))?(\d+(?:\.\d)?[KM]B)）`)
)

// linkSizes maps each download a home page links to the size its link
// states ("" for none).
func linkSizes(t *testing.T, page []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range linkRe.FindAllSubmatch(page, -1) {
		out[string(m[1])] = ""
		if s := sizeRe.FindSubmatch(m[2]); s != nil {
			out[string(m[1])] = string(s[1])
		}
	}
	return out
}

// TestDownloadSizes: the home pages state the size of every download the
// build made, exactly as the file is; the ZIP's own home pages state the
// sizes of the EPUBs it holds and none for itself; a build without
// bundles (plansite serve) states no size at all.
func TestDownloadSizes(t *testing.T) {
	root := sitetest.Write(t, dated)
	dest := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Dest: dest, Minify: true}); err != nil {
		t.Fatal(err)
	}
	for _, home := range []string{"index.html", "easy/index.html"} {
		page, err := os.ReadFile(filepath.Join(dest, home))
		if err != nil {
			t.Fatal(err)
		}
		got := linkSizes(t, page)
		if len(got) != 3 {
			t.Errorf("%s: downloads %v, want the ZIP and two EPUBs", home, got)
		}
		for p, size := range got {
			st, err := os.Stat(filepath.Join(dest, p))
			if err != nil {
				t.Fatal(err)
			}
			if size != render.FileSize(st.Size()) {
				t.Errorf("%s: %s says %q, the file has %d bytes", home, p, size, st.Size())
			}
		}
		if strings.Contains(string(page), "PDF") {
			t.Errorf("%s links PDFs that were not printed", home)
		}
		if home == "easy/index.html" && !strings.Contains(string(page), "<rt inert>おお</rt>") {
			t.Errorf("the easy home does not say 大きさ with furigana")
		}
	}
	zipped := zipFile(t, filepath.Join(dest, render.ZIPPath), "plan/index.html")
	got := linkSizes(t, zipped)
	if got[render.EPUBPath] == "" || got[render.EasyEPUBPath] == "" {
		t.Errorf("the ZIP's home lacks the sizes of the EPUBs it holds: %v", got)
	}
	if s, ok := got[render.ZIPPath]; ok {
		t.Errorf("the ZIP's home states a size for the ZIP: %q", s)
	}

	// The same output rebuilt without bundles: no file, so no size.
	if _, err := Build(Options{Root: root, Dest: dest, Minify: true, NoBundles: true, NoSearch: true}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for p, size := range linkSizes(t, page) {
		if size != "" {
			t.Errorf("a build without downloads states %s for %s", size, p)
		}
	}
}

// zipFile reads one file of a ZIP archive.
func zipFile(t *testing.T, archive, name string) []byte {
	t.Helper()
	r, err := zip.OpenReader(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f, err := r.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
