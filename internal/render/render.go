package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strings"

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

// Render renders pg. A problem in the author's text is an error naming
// its file and line; a bug is an error too, never a crash.
func (r *Renderer) Render(pg *Page) (res Result, err error) {
	defer func() {
		// A bug must not crash the build on some author's text: report it
		// against the page's source, and keep the previous output.
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: internal error while rendering %s: %v (please report this with the file)", pg.file, pg.path, v)
		}
	}()
	t := r.newText(pg)
	c := pg.make(t)
	t.recording = false // the page's furniture is not searched
	l := r.layout(t, c)
	var buf bytes.Buffer
	tmpl, ok := r.tmpl[pg.kind]
	if !ok {
		return Result{}, fmt.Errorf("theme: no layout for %s pages (add layouts/%s.html)", pg.kind, pg.kind)
	}
	if err := tmpl.ExecuteTemplate(&buf, "baseof.html", l); err != nil {
		return Result{}, fmt.Errorf("theme: rendering %s: %w", pg.path, err)
	}
	if err := t.errs.Err(); err != nil {
		return Result{}, err
	}
	res = Result{HTML: buf.Bytes(), Copies: t.copies}
	if !skipSearch[pg.kind] {
		res.Records = search.Records(searchDocs(pg, c.Title, t.parts))
	}
	return res, nil
}

func (r *Renderer) layout(t *text, c content) layout {
	pg, v := t.pg, t.pg.variant
	l := layout{
		Kind:        pg.kind,
		Variant:     v.String(),
		Title:       r.plainTitle(c, v),
		Description: r.description(c, v),
		SiteName:    ruby.Plain(r.siteTitle(v)),
		H1:          c.H1,
		SiteTitle:   t.inline(siteFile, 1, r.siteTitle(v)),
		City:        r.site.City,
		CityBand:    r.cityBand(t),
		Home:        t.href(homePath),
		Assets:      strings.Repeat("../", strings.Count(pg.path, "/")) + AssetsDir,
		Alt:         link{Href: rel(pg.path, variantPath(pg.std, v.other())), Text: t.label(v.other().Label())},
		AltLang:     v.other().Label(),
		FuriganaOn:  pg.mode.on,
		L:           t.L,
		P:           func(key string) string { return ruby.Plain(label(key, v)) },
		ResultsHref: t.href(resultsPath),
		SearchHref:  t.href(searchPath),
		Contact:     r.site.Contact,
		Dept:        t.inline(siteFile, 0, r.site.Contact.Department),
		Phone:       digits(r.site.Contact.Phone),
		Body:        c.Body,
	}
	l.Updated, l.UpdatedText = r.updated(t)
	l.Readings = r.readingsJSON()
	l.Nav = r.nav(t)
	l.Crumbs = r.crumbs(t, c)
	l.Footer = r.footer(t)
	l.Terms = r.pageTerms(t)
	switch {
	case r.site.BaseURL == "":
	case pg.kind == "notfound":
		l.RootPath = rootPath(r.site.BaseURL, pg.path)
	default:
		l.Canonical = strings.TrimSuffix(r.site.BaseURL, "/") + "/" + pg.path
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

func (r *Renderer) nav(t *text) []link {
	keys := []struct{ key, path string }{
		{"home", homePath}, {"measures", measuresPath}, {"departments", departmentsPath},
		{"glossary", glossaryPath}, {"search", searchPath}, {"contact", contactPath},
	}
	var out []link
	for _, k := range keys {
		if k.key == "glossary" && len(r.site.Glossary) == 0 {
			continue
		}
		out = append(out, link{Href: t.href(k.path), Text: t.L(k.key), Current: t.pg.std == k.path})
	}
	return out
}

func (r *Renderer) crumbs(t *text, c content) []link {
	out := []link{{Href: t.href(homePath), Text: t.L("home")}}
	if t.pg.std == homePath {
		out[0].Current = true
		return out
	}
	out = append(out, c.Crumbs...)
	return append(out, link{Href: path.Base(t.pg.path), Text: c.H1, Current: true})
}

func (r *Renderer) footer(t *text) []link {
	out := []link{{Href: t.href(contactPath), Text: t.L("contact")}}
	if r.site.A11y != nil {
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
