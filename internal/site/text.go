package site

import (
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/markdown"
)

// text renders the author's text (Markdown with ruby syntax) for one page:
// it carries the page's furigana mode, its glossary state (first occurrence
// only) and collects errors with their file and line.
type text struct {
	b     *builder
	pg    *page
	used  map[string]bool
	annot markdown.Annotator
	errs  diag.List
	terms []markdown.Term
	n     int // Markdown fields rendered so far, for unique heading ids
}

func (b *builder) newText(pg *page) *text {
	t := &text{b: b, pg: pg, used: map[string]bool{}}
	t.annot = b.annotator(pg.mode.Mode)
	for _, term := range b.site.Glossary {
		t.terms = append(t.terms, markdown.Term{Term: term.Term, Href: rel(pg.path, variantPath(glossaryPath, pg.variant)+"#"+term.ID)})
	}
	if pg.kind == "glossary" {
		t.terms = nil // the glossary page does not link to itself
	}
	return t
}

func (t *text) mdPage(file string, line int) *markdown.Page {
	return &markdown.Page{
		File:        file,
		Line:        line,
		Resolve:     t.b.resolver(file, t.pg.path, t.pg.variant, t.used),
		Annotator:   t.annot,
		Terms:       t.terms,
		Used:        t.used,
		HeadingBase: 2,
	}
}

// block renders Markdown source from file, starting at line.
func (t *text) block(file string, line int, src string) template.HTML {
	p := t.mdPage(file, line)
	t.n++
	p.IDPrefix = "part" + itoa(t.n)
	res, err := t.b.md.Convert([]byte(src), p)
	t.errs.Add(err)
	return template.HTML(res.HTML)
}

// blockLevel renders Markdown whose `#` becomes h(level).
func (t *text) blockLevel(file string, line, level int, src string) (template.HTML, []markdown.Heading) {
	p := t.mdPage(file, line)
	p.HeadingBase = level
	res, err := t.b.md.Convert([]byte(src), p)
	t.errs.Add(err)
	return template.HTML(res.HTML), res.Headings
}

// inline renders a one-line text field (a title) with ruby and furigana.
func (t *text) inline(file string, line int, src string) template.HTML {
	p := t.mdPage(file, line)
	p.Terms = nil // titles never become glossary links
	out, err := t.b.md.Inline(src, p)
	t.errs.Add(err)
	return template.HTML(out)
}

// NewAnnotator adapts the furigana analyzer, in mode m, to the markdown
// extension's Annotator. It remembers the result for short texts (titles,
// labels, department names), which recur on many pages.
func NewAnnotator(a *furigana.Annotator, m furigana.Mode) markdown.Annotator {
	return &annotator{a: a, mode: m}
}

// cacheMax is the longest text, in bytes, whose annotation is remembered.
const cacheMax = 96

// annotator adapts the furigana analyzer to the markdown extension.
type annotator struct {
	a     *furigana.Annotator
	mode  furigana.Mode
	cache sync.Map // string → []markdown.Ruby
}

// Annotate splits text into plain and ruby pieces.
func (x *annotator) Annotate(s string) []markdown.Ruby {
	if len(s) <= cacheMax {
		if v, ok := x.cache.Load(s); ok {
			return v.([]markdown.Ruby)
		}
	}
	toks := x.a.Annotate(s, x.mode)
	out := make([]markdown.Ruby, len(toks))
	for i, tk := range toks {
		out[i] = markdown.Ruby{Base: tk.Text, Reading: tk.Reading}
	}
	if len(s) <= cacheMax {
		x.cache.Store(s, out)
	}
	return out
}

// resolver rewrites a link or image destination written in the source file
// (a path relative to the site root) into a URL relative to the output page
// from, in variant v. A link to a glossary term marks the term as used on
// the page, like an automatic term link.
func (b *builder) resolver(file, from string, v Variant, used map[string]bool) func(string) (string, error) {
	dir := path.Dir(file)
	return func(dest string) (string, error) {
		switch {
		case dest == "" || strings.HasPrefix(dest, "#"):
			return dest, nil
		case hasScheme(dest):
			return dest, nil
		case strings.HasPrefix(dest, "picto:"):
			return b.picto(from, strings.TrimPrefix(dest, "picto:"))
		case strings.HasPrefix(dest, "/"):
			return "", fmt.Errorf("link to %q: links must be relative to this file, so that the site works under any folder and offline", dest)
		}
		target, frag, _ := strings.Cut(dest, "#")
		target = path.Clean(path.Join(dir, target))
		if out, ok := b.targets[target]; ok {
			f, err := b.fragment(target, frag)
			if err != nil {
				return "", err
			}
			if target == glossaryFile && frag != "" {
				used[frag] = true
			}
			return rel(from, variantPath(out, v)) + f, nil
		}
		return b.staticFile(from, target, dest)
	}
}

const glossaryFile = "content/glossary.yaml"

func hasScheme(dest string) bool {
	for _, s := range []string{"http://", "https://", "mailto:", "tel:"} {
		if strings.HasPrefix(strings.ToLower(dest), s) {
			return true
		}
	}
	return false
}

// fragment maps a fragment of a link into the glossary (a term) to the
// term's anchor; a term the glossary lacks is an error. Other fragments
// pass unchanged.
func (b *builder) fragment(target, frag string) (string, error) {
	if frag == "" {
		return "", nil
	}
	if target != glossaryFile {
		return "#" + frag, nil
	}
	for _, t := range b.site.Glossary {
		if t.Term == frag {
			return "#" + t.ID, nil
		}
	}
	return "", fmt.Errorf("link to the glossary term %q: there is no such term in content/glossary.yaml (add it, or fix the spelling)", frag)
}

func (b *builder) picto(from, name string) (string, error) {
	p := "static/picto/" + name + ".svg"
	if _, err := b.themeFile(p); err != nil {
		return "", fmt.Errorf("unknown pictogram %q (the theme has no %s)", name, p)
	}
	return rel(from, assetsDir+"picto/"+name+".svg"), nil
}

// staticFile resolves a link to a file under content/ (an image, a PDF)
// that is copied to the output as it is.
func (b *builder) staticFile(from, target, dest string) (string, error) {
	if !strings.HasPrefix(target, "content/") || strings.HasSuffix(target, ".md") || strings.HasSuffix(target, ".yaml") {
		return "", fmt.Errorf("link to %q: no such page", dest)
	}
	st, err := os.Stat(filepath.Join(b.root, filepath.FromSlash(target)))
	if err != nil || st.IsDir() {
		return "", fmt.Errorf("link to %q: file %s does not exist", dest, target)
	}
	out := strings.TrimPrefix(target, "content/")
	b.copyMu.Lock()
	b.copies[out] = target
	b.copyMu.Unlock()
	return rel(from, out), nil
}
