package benchsite

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
	"github.com/plansite/plansite/internal/parallel"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Floors are the two measurements a build is compared with.
const (
	FloorGoldmark = "goldmark" // goldmark + html/template over every chapter, twice
	FloorAnalyzer = "analyzer" // kagome over every distinct text, once
)

// RunFloor runs the named floor over the site in dir and reports the
// amount of work done to w. It is meant to run in its own process, so
// that its time and memory can be measured apart from the build.
func RunFloor(name, dir string, w io.Writer) error {
	switch name {
	case FloorGoldmark:
		n, err := goldmarkFloor(dir)
		fmt.Fprintf(w, "%d pages rendered\n", n)
		return err
	case FloorAnalyzer:
		n, err := analyzerFloor(dir)
		fmt.Fprintf(w, "%d texts analysed\n", n)
		return err
	}
	return fmt.Errorf("unknown floor %q (want %s or %s)", name, FloorGoldmark, FloorAnalyzer)
}

var floorPage = template.Must(template.New("page").Parse(
	`<!DOCTYPE html><html lang="ja"><head><title>{{.Title}}</title></head><body><main><h1>{{.Title}}</h1>{{.Body}}</main></body></html>`))

// goldmarkFloor renders every chapter twice (the two variants) with
// goldmark and a minimal html/template page, on all cores.
func goldmarkFloor(dir string) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "content", "chapters", "*.md"))
	if err != nil {
		return 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	err = eachParallel(len(files), func(i int) error {
		src, err := os.ReadFile(files[i])
		if err != nil {
			return err
		}
		for v := 0; v < 2; v++ {
			var body, page bytes.Buffer
			if err := md.Convert(src, &body); err != nil {
				return err
			}
			//nolint:gosec // the floor renders its own generated text
			data := map[string]any{"Title": filepath.Base(files[i]), "Body": template.HTML(body.String())}
			if err := floorPage.Execute(&page, data); err != nil {
				return err
			}
		}
		return nil
	})
	return 2 * len(files), err
}

// analyzerFloor tokenizes every distinct paragraph of the site's Markdown
// and YAML once with kagome and the IPA dictionary (its loading
// included), on all cores.
func analyzerFloor(dir string) (int, error) {
	texts, err := distinctTexts(dir)
	if err != nil {
		return 0, err
	}
	tk, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		return 0, err
	}
	err = eachParallel(len(texts), func(i int) error {
		tk.Tokenize(texts[i])
		return nil
	})
	return len(texts), err
}

// distinctTexts returns the site's distinct non-empty lines, sorted.
func distinctTexts(dir string) ([]string, error) {
	seen := map[string]bool{}
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				seen[line] = true
			}
		}
		return nil
	})
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out, err
}

// eachParallel calls do(i) for i in [0, n) on GOMAXPROCS goroutines and
// returns the first error by index.
func eachParallel(n int, do func(i int) error) error {
	errs := make([]error, n)
	parallel.For(n, 0, func(i int) { errs[i] = do(i) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
