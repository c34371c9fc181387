package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/safefs"
)

// text renders the author's text (Markdown with ruby syntax) for one page:
// it carries the page's furigana mode, its glossary state (first occurrence
// only) and collects errors with their file and line. While the page's
// content is made it also records what it renders, as runs of text with
// readings, into the page's search parts.
type text struct {
	r      *Renderer
	pg     *Page
	used   map[string]bool
	annot  markdown.Annotator
	errs   diag.List
	terms  []markdown.Term
	copies map[string]string // content files the page links to: output path → content path
	n      int               // Markdown fields rendered so far, for unique heading ids

	recording bool
	parts     []searchPart // parts[0] holds the text outside any other part
	cur       int          // the part being recorded
}

// searchPart is a place on a page that search results link to: a measure,
// a chapter section, a glossary term (id set), or the rest of the page.
type searchPart struct {
	id    string
	title []markdown.Run
	runs  []markdown.Run
}

func (r *Renderer) newText(pg *Page) *text {
	t := &text{r: r, pg: pg, used: map[string]bool{}, copies: map[string]string{}, recording: !skipSearch[pg.kind], parts: []searchPart{{}}}
	t.annot = r.annotator(pg.mode.Mode)
	for _, term := range r.site.Glossary {
		t.terms = append(t.terms, markdown.Term{Term: term.Term, Href: rel(pg.path, variantPath(glossaryPath, pg.variant)+"#"+term.ID)})
	}
	if pg.kind == "glossary" {
		t.terms = nil // the glossary page does not link to itself
	}
	return t
}

// record adds rendered runs to the current search part.
func (t *text) record(runs []markdown.Run) {
	if !t.recording || len(runs) == 0 {
		return
	}
	p := &t.parts[t.cur]
	if len(p.runs) > 0 {
		p.runs = append(p.runs, markdown.Run{Text: " "})
	}
	p.runs = append(p.runs, runs...)
}

// beginPart starts a search part: what is rendered until endPart belongs
// to it. The title is set with partTitle.
func (t *text) beginPart(id string) {
	t.parts = append(t.parts, searchPart{id: id})
	t.cur = len(t.parts) - 1
}

// partTitle makes the runs recorded so far in the current part its title.
func (t *text) partTitle() {
	p := &t.parts[t.cur]
	p.title = append([]markdown.Run(nil), p.runs...)
}

func (t *text) endPart() { t.cur = 0 }

func (t *text) mdPage(file string, line int) *markdown.Page {
	return &markdown.Page{
		File:      file,
		Line:      line,
		Resolve:   t.r.resolver(file, t.pg.path, t.pg.variant, &pageLinks{used: t.used, copies: t.copies}),
		Annotator: t.annot,
		// standard text has no spaces between phrases: mark them
		PhraseBreaks: t.pg.variant == Standard,
		Terms:        t.terms,
		Used:         t.used,
		HeadingBase:  2,
	}
}

// block renders Markdown source from file, starting at line.
func (t *text) block(file string, line int, src string) template.HTML {
	p := t.mdPage(file, line)
	t.n++
	p.IDPrefix = "part" + itoa(t.n)
	res, err := t.r.md.Convert([]byte(src), p)
	t.errs.Add(err)
	for _, sec := range res.Sections {
		t.record(sec.Runs)
	}
	return template.HTML(res.HTML)
}

// chapterFile renders a whole chapter file (its front matter skipped);
// each of its top-level sections becomes a search part.
func (t *text) chapterFile(file string, src []byte) (template.HTML, []markdown.Heading) {
	p := t.mdPage(file, 1)
	res, err := t.r.md.ConvertFile(src, p)
	t.errs.Add(err)
	for _, sec := range res.Sections {
		if sec.ID == "" {
			t.record(sec.Runs)
			continue
		}
		if t.recording {
			t.parts = append(t.parts, searchPart{id: sec.ID, title: sec.Title, runs: sec.Runs})
		}
	}
	return template.HTML(res.HTML), res.Headings
}

// inline renders a one-line text field (a title) with ruby and furigana.
func (t *text) inline(file string, line int, src string) template.HTML {
	p := t.mdPage(file, line)
	p.Terms = nil // titles never become glossary links
	out, runs, err := t.r.md.Inline(src, p)
	t.errs.Add(err)
	t.record(runs)
	return out
}

// NewAnnotator adapts the furigana analyzer, in mode m, to the markdown
// extension's Annotator, remembering each text's analysis in memory.
func NewAnnotator(a *furigana.Annotator, m furigana.Mode) markdown.Annotator {
	return &annotator{c: furigana.NewCache(a, ""), mode: m}
}

// annotator adapts the furigana cache to the markdown extension for one
// furigana mode: the analysis of a text is shared by every mode, which
// only decides which readings are shown.
type annotator struct {
	c    *furigana.Cache
	mode furigana.Mode
}

// Annotate splits text into plain and ruby pieces; the readings the mode
// does not show are marked Hidden.
func (x *annotator) Annotate(s string) []markdown.Ruby {
	toks := x.c.Analyze(s)
	out := make([]markdown.Ruby, len(toks))
	for i, tk := range toks {
		out[i] = markdown.Ruby{Base: tk.Text, Reading: tk.Reading}
		out[i].Hidden = tk.Reading != "" && !x.mode.Shows(tk.Text)
	}
	return out
}

// resolver rewrites a link or image destination written in the source file
// (a path relative to the site root) into a URL relative to the output page
// from, in variant v. A link to a glossary term marks the term as used on
// the page, like an automatic term link.
func (r *Renderer) resolver(file, from string, v Variant, links *pageLinks) func(string) (string, error) {
	dir := path.Dir(file)
	return func(dest string) (string, error) {
		switch {
		case dest == "" || strings.HasPrefix(dest, "#"):
			return dest, nil
		case hasScheme(dest):
			return dest, nil
		case strings.HasPrefix(dest, "picto:"):
			return r.picto(from, strings.TrimPrefix(dest, "picto:"))
		case strings.HasPrefix(dest, "/"):
			return "", fmt.Errorf("link to %q: links must be relative to this file, so that the site works under any folder and offline", dest)
		}
		target, frag, _ := strings.Cut(dest, "#")
		if t, err := url.PathUnescape(target); err == nil && utf8.ValidString(t) {
			target = t // a file named 計画書 #2.pdf is linked as 計画書%20%232.pdf
		}
		target = path.Clean(path.Join(dir, target))
		if r.site.Unloaded[target] {
			return dest, nil // the file failed to load; its own errors say why
		}
		if out, ok := r.targets[target]; ok {
			f, err := r.fragment(target, frag)
			if err != nil {
				return "", err
			}
			if target == glossaryFile && frag != "" {
				links.used[frag] = true
			}
			return rel(from, variantPath(out, v)) + f, nil
		}
		return r.staticFile(from, target, dest, links.copies)
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
// pass unchanged, or escaped when they are not valid in an address.
func (r *Renderer) fragment(target, frag string) (string, error) {
	if frag == "" {
		return "", nil
	}
	if target != glossaryFile {
		if _, err := url.Parse("#" + frag); err != nil {
			frag = url.PathEscape(frag) // a lone % would make the address invalid
		}
		return "#" + frag, nil
	}
	for _, t := range r.site.Glossary {
		if t.Term == frag {
			return "#" + t.ID, nil
		}
	}
	return "", fmt.Errorf("link to the glossary term %q: there is no such term in content/glossary.yaml (add it, or fix the spelling)", frag)
}

func (r *Renderer) picto(from, name string) (string, error) {
	p := "static/picto/" + name + ".svg"
	if _, err := r.themeFile(p); err != nil {
		return "", fmt.Errorf("unknown pictogram %q (the theme has no %s)", name, p)
	}
	return rel(from, AssetsDir+"picto/"+name+".svg"), nil
}

// pageLinks is what a page's links add up to: the glossary terms they
// link (so that automatic term links skip them) and the content files
// they need copied (output path → content path).
type pageLinks struct {
	used   map[string]bool
	copies map[string]string
}

// staticFile resolves a link to a file under content/ (an image, a PDF)
// that is copied to the output as it is, and records it in copies.
func (r *Renderer) staticFile(from, target, dest string, copies map[string]string) (string, error) {
	if !strings.HasPrefix(target, "content/") || strings.HasSuffix(target, ".md") || strings.HasSuffix(target, ".yaml") {
		return "", fmt.Errorf("link to %q: no such page", dest)
	}
	st, err := r.contentFS().Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && st.IsDir():
		return "", fmt.Errorf("link to %q: file %s does not exist", dest, target)
	case err != nil:
		msg, hint := safefs.Problem(err)
		return "", fmt.Errorf("link to %q: %s: %s (%s)", dest, target, msg, hint)
	}
	out := strings.TrimPrefix(target, "content/")
	if r.generated(out) {
		return "", fmt.Errorf("link to %q: copying %s would replace the site's own %s (rename the file, or move it into a folder such as files/)", dest, target, out)
	}
	copies[out] = target
	return EscapePath(rel(from, out)), nil
}
