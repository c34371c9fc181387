package site

import (
	"bytes"
	"fmt"
	"github.com/plansite/plansite/internal/output"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/parallel"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/ruby"
	"github.com/plansite/plansite/internal/search"
)

// layout is the data every template gets.
type layout struct {
	Kind        string
	Variant     string
	Title       string        // <title>
	Description string        // <meta name="description"> and og:description, plain text
	SiteName    string        // the plan's title, plain text (og:site_name, the printed running title)
	Updated     string        // the page's last-updated date, YYYY-MM-DD ("" when unknown)
	UpdatedText template.HTML // the same date in Japanese, with furigana
	Readings    string        // readings.yaml as JSON (word → kana), for read-aloud
	H1          template.HTML
	SiteTitle   template.HTML
	City        string
	CityBand    template.HTML // the city beside the plan title, when the title does not name it
	Home        string
	Assets      string // relative URL of the assets folder, ending in /
	Nav         []link
	Crumbs      []link // home first, the current page last
	Alt         link   // the same page in the other variant
	AltLang     string // label of the other variant
	Footer      []link
	Terms       []link
	FuriganaOn  bool
	Canonical   string
	RootPath    string                         // 404 pages: the URL path their relative links start from
	Base        string                         // <base href> of the 404 page, which servers return from any folder
	L           func(key string) template.HTML // an interface word, with furigana
	P           func(key string) string        // an interface word as plain text (for attributes)
	ResultsHref string
	SearchHref  string // the search page, target of the header's search form
	Contact     plan.Contact
	Dept        template.HTML // the contact department, with furigana
	Phone       string        // the contact phone number, digits only, for tel: links
	Body        any
}

// renderAll renders the pages in parallel and writes each into out as
// soon as it is made, or links it from the previous output when its key is
// the one prev recorded. It returns each page's search documents and
// records every page in next; the order follows the page list, so the
// result does not depend on scheduling.
func (b *builder) renderAll(pages []*page, keys []string, prev, next *manifest, out *output.Folder) ([][]search.Record, error) {
	docs := make([][]search.Record, len(pages))
	recs := make([]pageRecord, len(pages))
	errs := make([]error, len(pages))
	b.parallel(len(pages), func(i int) {
		pg := pages[i]
		if r, ok := prev.Pages[pg.path]; ok && sameInputs(r.Key, keys[i]) && out.LinkSized(pg.path, r.Size) {
			recs[i], docs[i] = r, prev.docs[pg.path]
			b.addCopies(r.Copies)
			b.carried.Add(1)
			return
		}
		var data []byte
		var copies map[string]string
		data, docs[i], copies, errs[i] = b.render(pg)
		if errs[i] != nil {
			return
		}
		b.addCopies(copies)
		var size int64
		size, errs[i] = out.Write(pg.path, data)
		recs[i] = pageRecord{Key: keys[i], Size: size, Copies: copies}
	})
	var all diag.List
	for i, err := range errs {
		all.Add(err)
		next.Pages[pages[i].path] = recs[i]
	}
	return docs, dedupe(all).Err()
}

// parallel calls do(i) for i in [0, n) on the build's workers and waits.
// Each call writes only its own slot of a result slice, so the output does
// not depend on scheduling.
func (b *builder) parallel(n int, do func(i int)) {
	parallel.For(n, b.opts.Workers, do)
}

// dedupe drops repeated errors: a bad text shared by both variants or
// several pages is reported once.
func dedupe(l diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, e := range l {
		if !seen[e.Error()] {
			seen[e.Error()] = true
			out = append(out, e)
		}
	}
	return out
}

func (b *builder) render(pg *page) (data []byte, docs []search.Record, copies map[string]string, err error) {
	defer func() {
		// A bug must not crash the build on some author's text: report it
		// against the page's source, and keep the previous output.
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: internal error while rendering %s: %v (please report this with the file)", pg.file, pg.path, v)
		}
	}()
	t := b.newText(pg)
	c := pg.make(t)
	t.recording = false // the page's furniture is not searched
	l := b.layout(t, c)
	var buf bytes.Buffer
	tmpl, ok := b.tmpl[pg.kind]
	if !ok {
		return nil, nil, nil, fmt.Errorf("theme: no layout for %s pages (add layouts/%s.html)", pg.kind, pg.kind)
	}
	if err := tmpl.ExecuteTemplate(&buf, "baseof.html", l); err != nil {
		return nil, nil, nil, fmt.Errorf("theme: rendering %s: %w", pg.path, err)
	}
	if err := t.errs.Err(); err != nil {
		return nil, nil, nil, err
	}
	if !skipSearch[pg.kind] {
		docs = search.Records(searchDocs(pg, c.Title, t.parts))
	}
	return buf.Bytes(), docs, t.copies, nil
}

func (b *builder) layout(t *text, c content) layout {
	pg, v := t.pg, t.pg.variant
	l := layout{
		Kind:        pg.kind,
		Variant:     v.String(),
		Title:       b.plainTitle(c, v),
		Description: b.description(c, v),
		SiteName:    ruby.Plain(b.siteTitle(v)),
		H1:          c.H1,
		SiteTitle:   t.inline(siteFile, 1, b.siteTitle(v)),
		City:        b.site.City,
		CityBand:    b.cityBand(t),
		Home:        t.href(homePath),
		Assets:      strings.Repeat("../", strings.Count(pg.path, "/")) + assetsDir,
		Alt:         link{Href: rel(pg.path, variantPath(pg.std, v.other())), Text: t.label(v.other().Label())},
		AltLang:     v.other().Label(),
		FuriganaOn:  pg.mode.on,
		L:           t.L,
		P:           func(key string) string { return ruby.Plain(label(key, v)) },
		ResultsHref: t.href(resultsPath),
		SearchHref:  t.href(searchPath),
		Contact:     b.site.Contact,
		Dept:        t.inline(siteFile, 0, b.site.Contact.Department),
		Phone:       digits(b.site.Contact.Phone),
		Body:        c.Body,
	}
	l.Updated, l.UpdatedText = b.updated(t)
	l.Readings = b.readingsJSON()
	l.Nav = b.nav(t)
	l.Crumbs = b.crumbs(t, c)
	l.Footer = b.footer(t)
	l.Terms = b.pageTerms(t)
	switch {
	case b.site.BaseURL == "":
	case pg.kind == "notfound":
		l.RootPath = rootPath(b.site.BaseURL, pg.path)
	default:
		l.Canonical = strings.TrimSuffix(b.site.BaseURL, "/") + "/" + pg.path
	}
	return l
}

// rootPath is the URL path of the folder of the page p on the web server,
// from base_url: https://example.jp/plan/ and easy/404.html give
// /plan/easy/. A server returns 404.html for missing pages at any depth,
// where its relative links would not resolve; the page sets this path as
// its base when it finds itself under it.
func rootPath(baseURL, p string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	dir := path.Dir(p)
	root := strings.TrimSuffix(u.Path, "/") + "/"
	if dir != "." {
		root += dir + "/"
	}
	return root
}

func (b *builder) nav(t *text) []link {
	keys := []struct{ key, path string }{
		{"home", homePath}, {"measures", measuresPath}, {"departments", departmentsPath},
		{"glossary", glossaryPath}, {"search", searchPath}, {"contact", contactPath},
	}
	var out []link
	for _, k := range keys {
		if k.key == "glossary" && len(b.site.Glossary) == 0 {
			continue
		}
		out = append(out, link{Href: t.href(k.path), Text: t.L(k.key), Current: t.pg.std == k.path})
	}
	return out
}

func (b *builder) crumbs(t *text, c content) []link {
	out := []link{{Href: t.href(homePath), Text: t.L("home")}}
	if t.pg.std == homePath {
		out[0].Current = true
		return out
	}
	out = append(out, c.Crumbs...)
	return append(out, link{Href: path.Base(t.pg.path), Text: c.H1, Current: true})
}

func (b *builder) footer(t *text) []link {
	out := []link{{Href: t.href(contactPath), Text: t.L("contact")}}
	if b.site.A11y != nil {
		out = append(out,
			link{Href: t.href(policyPath), Text: t.L("policy")},
			link{Href: t.href(resultsPath), Text: t.L("results")})
	}
	return out
}

// parseTemplates parses layouts/baseof.html and the partials with each page
// kind's layout, one template set per kind.
func parseTemplates(theme fs.FS) (map[string]*template.Template, error) {
	base := template.New("baseof.html").Funcs(funcs)
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, err
	}
	base, err = base.ParseFS(theme, append([]string{"layouts/baseof.html"}, partials...)...)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	kinds, err := fs.Glob(theme, "layouts/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, k := range kinds {
		name := strings.TrimSuffix(path.Base(k), ".html")
		if name == "baseof" {
			continue
		}
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(theme, k)
		}
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		out[name] = t
	}
	return out, nil
}

// funcs are the template functions themes may use.
var funcs = template.FuncMap{
	"statusKey":   statusKey,
	"measureArgs": measureArgs,
	"jdate":       japaneseDate,
}

// statusKey names a measure status for the theme (which styles it, for
// example as class "status--new"): new, up (拡充) or cont (継続).
func statusKey(s string) string {
	switch s {
	case "新規":
		return "new"
	case "拡充":
		return "up"
	}
	return "cont"
}

// measureArgs bundles what the measure partial needs: the page's layout
// data, the measure and its heading level.
func measureArgs(root layout, m measureView, level int) map[string]any {
	return map[string]any{"Root": root, "M": m, "Level": level}
}
