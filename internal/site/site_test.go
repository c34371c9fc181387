package site

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// sampleRoot is the repository root, which holds the sample plan in content/.
const sampleRoot = "../.."

// buildSample builds the sample plan, unminified, into a new folder.
func buildSample(t *testing.T, minify bool) (string, Stats) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	stats, err := Build(Options{Root: sampleRoot, Dest: dest, Minify: minify})
	if err != nil {
		t.Fatalf("building the sample: %v", err)
	}
	return dest, stats
}

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGolden compares rendered pages of the sample with testdata/golden.
// Run `go test ./internal/site -run TestGolden -update` after an intended change.
// It builds without the downloads, whose sizes the home pages would state:
// they change with every byte of the site (TestDownloadSizes checks them).
func TestGolden(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Root: sampleRoot, Dest: dest, NoBundles: true}); err != nil {
		t.Fatal(err)
	}
	pages := []string{
		"index.html", "chapters/02-genjou.html", "pillars/1.html", "measures.html",
		"departments.html", "glossary.html", "easy/index.html", "easy/chapters/01-hajimeni.html",
		"easy/pillars/3.html", "accessibility.html", "sitemap.xml",
	}
	for _, p := range pages {
		got, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", filepath.FromSlash(p))
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with -update if intended)\n%s", p, golden, firstDiff(got, want))
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ"
}

func TestDeterministic(t *testing.T) {
	a, _ := buildSample(t, true)
	b, _ := buildSample(t, true)
	sameTrees(t, readTree(t, a), readTree(t, b), "another build")
}

// sameTrees fails the test for each file of want that got lacks or has
// with other bytes, and when got has other files.
func sameTrees(t *testing.T, want, got map[string][]byte, what string) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%d files, %s has %d", len(got), what, len(want))
	}
	for p, data := range want {
		if !bytes.Equal(data, got[p]) {
			t.Errorf("%s differs from %s", p, what)
		}
	}
}

// TestFailedBuildKeepsOutput breaks a copy of the sample and checks that
// the previous output is left byte for byte as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join(sampleRoot, "content"))); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(root, "public")
	if _, err := Build(Options{Root: root, Dest: dest, Minify: true}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	bad := filepath.Join(root, "content", "chapters", "01-hajimeni.md")
	src, _ := os.ReadFile(bad)
	os.WriteFile(bad, append(src, []byte("\n[壊れたリンク](99-none.md)\n")...), 0o644)
	_, err := Build(Options{Root: root, Dest: dest, Minify: true})
	if err == nil || !strings.Contains(err.Error(), "content/chapters/01-hajimeni.md:") {
		t.Fatalf("want an error naming the chapter, got %v", err)
	}
	after := readTree(t, dest)
	if len(after) != len(before) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for p, data := range before {
		if !bytes.Equal(data, after[p]) {
			t.Errorf("%s changed after a failed build", p)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(root, ".plansite-build-*")); len(m) > 0 {
		t.Errorf("temporary folders left behind: %v", m)
	}
}

func TestRequireEasy(t *testing.T) {
	root := t.TempDir()
	os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join(sampleRoot, "content")))
	os.Remove(filepath.Join(root, "content", "chapters", "04-suishin.easy.md"))
	var warn bytes.Buffer
	if _, err := Build(Options{Root: root, Dest: filepath.Join(root, "public"), Warnings: &warn}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(warn.String(), "warning: content/chapters/04-suishin.md:1: chapter has no easy-read text") {
		t.Errorf("warnings = %q", warn.String())
	}
	page, _ := os.ReadFile(filepath.Join(root, "public", "easy", "chapters", "04-suishin.html"))
	if !bytes.Contains(page, []byte(`class="notice"`)) {
		t.Error("easy page of a chapter without easy text is not marked as not rewritten")
	}
	site := filepath.Join(root, "content", "site.yaml")
	src, _ := os.ReadFile(site)
	os.WriteFile(site, append(src, []byte("\nrequire_easy: true\n")...), 0o644)
	_, err := Build(Options{Root: root, Dest: filepath.Join(root, "public")})
	if err == nil || !strings.Contains(err.Error(), "require_easy") {
		t.Errorf("require_easy: got %v", err)
	}
}

func TestRefusesDangerousDest(t *testing.T) {
	root := t.TempDir()
	os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join(sampleRoot, "content")))
	foreign := filepath.Join(root, "docs")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "precious.txt"), []byte("keep"), 0o644)
	for _, dest := range []string{root, filepath.Dir(root), filepath.Join(root, "content"), filepath.Join(root, "content", "out"), foreign} {
		if _, err := Build(Options{Root: root, Dest: dest}); err == nil {
			t.Errorf("build into %s was allowed", dest)
		}
	}
	if _, err := os.Stat(filepath.Join(foreign, "precious.txt")); err != nil {
		t.Error("a foreign file was lost")
	}
	if _, err := os.Stat(filepath.Join(root, "content", "site.yaml")); err != nil {
		t.Error("the sources were lost")
	}
	// an output folder made by plansite is replaced without fuss
	out := filepath.Join(root, "public")
	for i := 0; i < 2; i++ {
		if _, err := Build(Options{Root: root, Dest: out}); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
	}
}

func TestUnknownGlossaryTerm(t *testing.T) {
	root := t.TempDir()
	os.CopyFS(filepath.Join(root, "content"), os.DirFS(filepath.Join(sampleRoot, "content")))
	ch := filepath.Join(root, "content", "chapters", "03-kihon.md")
	src, _ := os.ReadFile(ch)
	os.WriteFile(ch, append(src, []byte("\n[用語](../glossary.yaml#ないことば)\n")...), 0o644)
	_, err := Build(Options{Root: root, Dest: filepath.Join(root, "public")})
	if err == nil || !strings.Contains(err.Error(), `content/chapters/03-kihon.md:`) || !strings.Contains(err.Error(), `glossary term "ないことば": there is no such term`) {
		t.Fatalf("got %v", err)
	}
}
