package bundle

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"fmt"
	"io"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/plansite/plansite/internal/parallel"
)

//go:embed epub.css
var epubCSS []byte

// The layout of the EPUB container.
const (
	epubDir  = "EPUB/"
	opfName  = "package.opf"
	navName  = "nav.xhtml"
	cssName  = "style.css"
	mimetype = "application/epub+zip"
)

// EasyTitleSuffix is added to Meta.Title for the easy variant's EPUB
// (unless the title already says わかりやすい版).
const EasyTitleSuffix = "（わかりやすい版）"

// ContentPages returns, in reading order, the site paths of the pages that
// EPUB puts into the book of variant ("standard" or "easy"): the home page,
// the chapters (by name), the pillars (by number), then the measures,
// departments, glossary and contact pages, whichever exist. Search, 404 and
// accessibility pages are left out.
func ContentPages(paths []string, variant string) ([]string, error) {
	prefix, err := variantPrefix(variant)
	if err != nil {
		return nil, err
	}
	has := map[string]bool{}
	var chapters, pillars []string
	for _, p := range paths {
		has[p] = true
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok || !strings.HasSuffix(p, ".html") {
			continue
		}
		if name, ok := strings.CutPrefix(rest, "chapters/"); ok && !strings.Contains(name, "/") {
			chapters = append(chapters, p)
		}
		if name, ok := strings.CutPrefix(rest, "pillars/"); ok && !strings.Contains(name, "/") {
			pillars = append(pillars, p)
		}
	}
	sort.Strings(chapters)
	sort.Slice(pillars, func(i, j int) bool {
		ni, nj := leadingNumber(path.Base(pillars[i])), leadingNumber(path.Base(pillars[j]))
		if ni != nj {
			return ni < nj
		}
		return pillars[i] < pillars[j]
	})
	var out []string
	if has[prefix+"index.html"] {
		out = append(out, prefix+"index.html")
	}
	out = append(out, chapters...)
	out = append(out, pillars...)
	for _, name := range []string{"measures.html", "departments.html", "glossary.html", "contact.html"} {
		if has[prefix+name] {
			out = append(out, prefix+name)
		}
	}
	return out, nil
}

func variantPrefix(variant string) (string, error) {
	switch variant {
	case "standard", "":
		return "", nil
	case "easy":
		return "easy/", nil
	}
	return "", fmt.Errorf("bundle: unknown variant %q (standard or easy)", variant)
}

var digits = regexp.MustCompile(`^\d+`)

// leadingNumber is the number a file name starts with; names without one
// sort after all numbered ones.
func leadingNumber(name string) int {
	d := digits.FindString(name)
	if d == "" {
		return int(^uint(0) >> 1)
	}
	n, err := strconv.Atoi(d)
	if err != nil {
		return int(^uint(0) >> 1)
	}
	return n
}

// EPUB builds an accessible EPUB 3 of one variant ("standard": the pages at
// the site root; "easy": the pages under easy/). Each content page's <main>
// becomes an XHTML content document; links between included pages point to
// their documents, links to other pages become plain text, external links
// stay, images are carried with their media types, and ruby is kept. The
// book has a navigation document (its contents are Meta.Contents), a small
// style sheet, and the accessibility metadata of EPUB Accessibility 1.1,
// each claim computed from the book's own content (ruby coverage, images,
// tables); a conformance claim only with Meta.Certifier. The easy
// variant's title gets EasyTitleSuffix; without Meta.Identifier each book
// gets a urn:uuid made from its title and variant, so editions differ.
func EPUB(files []File, variant string, m Meta) ([]byte, error) {
	var buf bytes.Buffer
	_, err := WriteEPUB(&buf, files, variant, m, Reuse{})
	return buf.Bytes(), err
}

// WriteEPUB is EPUB, written to w as it is packed (a large book need not be
// held in memory), taking the documents of unchanged pages from an earlier
// book (see Reuse). It returns the memo that lets the next book reuse this
// one's documents.
func WriteEPUB(w io.Writer, files []File, variant string, m Meta, r Reuse) (memo []byte, err error) {
	l, pages, all, err := bookPages(files, variant, m)
	if err != nil {
		return nil, err
	}
	prefix, _ := variantPrefix(variant)
	easy := prefix != ""
	ctx := bookContext(all, variant, m)
	ru := newReuser(r, ctx)
	defer ru.close()
	if err := l.convertAll(pages, ru); err != nil {
		return nil, err
	}
	title := m.Title
	if easy && !strings.Contains(title, "わかりやすい版") {
		title += EasyTitleSuffix
	}
	if m.Vertical {
		title += VerticalTitleSuffix
	}
	id := m.Identifier
	if id == "" {
		id = uuidURN(title + "\x00" + variant)
	}
	entries, types, props, f, err := l.contents(pages, easy, m)
	if err != nil {
		return nil, err
	}
	entries[opfName] = compress(packageDoc(m, title, id, l.lang, f, pages, types, props), false)
	if err := l.pack(w, entries, m); err != nil {
		return nil, err
	}
	return encodeMemo(ctx, pages), nil
}

// bookPages indexes files and returns the content pages of the book of
// variant, not yet converted, with the linker that converts them, and the
// paths of all files, sorted.
func bookPages(files []File, variant string, m Meta) (l *linker, pages []*page, all []string, err error) {
	byPath, err := indexFiles(files)
	if err != nil {
		return nil, nil, nil, err
	}
	all = slices.Sorted(maps.Keys(byPath))
	sites, err := ContentPages(all, variant)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(sites) == 0 {
		return nil, nil, nil, fmt.Errorf("bundle: no content pages for the %s variant", variant)
	}
	prefix, _ := variantPrefix(variant)
	l = &linker{pages: map[string]*page{}, files: byPath, vertical: m.Vertical, lang: m.lang()}
	pages = make([]*page, len(sites))
	for i, s := range sites {
		pages[i] = &page{site: s, out: strings.TrimSuffix(strings.TrimPrefix(s, prefix), ".html") + ".xhtml"}
		l.pages[s] = pages[i]
	}
	return l, pages, all, nil
}

// convertAll turns every page into its content document, in parallel,
// or takes it from the earlier book when ru has it. A link to a place on
// another page is first taken as it is; a page with such a link whose
// place turns out to be missing is converted again once every page's ids
// are known, so that it goes to the page instead.
func (l *linker) convertAll(pages []*page, ru *reuser) error {
	errs := make([]error, len(pages))
	parallel.For(len(pages), 0, func(i int) {
		p := pages[i]
		data, err := l.read(p)
		if err != nil {
			errs[i] = err
			return
		}
		p.sum = sha256.Sum256(data)
		if !ru.restore(l, p, p.sum) {
			errs[i] = l.convert(p, data, false)
		}
	})
	for i, p := range pages {
		if errs[i] == nil && l.stale(p) {
			var data []byte
			if data, errs[i] = l.read(p); errs[i] == nil {
				errs[i] = l.convert(p, data, true)
			}
		}
		if errs[i] != nil {
			return errs[i]
		}
	}
	return nil
}

// contents gathers the book's entries with their media types and manifest
// properties: the pages' documents, the images they carry, the navigation
// document and the style sheet; and the facts its accessibility claims
// rest on.
func (l *linker) contents(pages []*page, easy bool, m Meta) (entries map[string]body, types, props map[string]string, f facts, err error) {
	entries = map[string]body{} // EPUB/… path → entry
	types = map[string]string{} // EPUB/… path → media type
	props = map[string]string{} // EPUB/… path → manifest properties
	f = facts{easy: easy, certifier: m.Certifier}
	resources := map[string]string{}
	for _, p := range pages {
		f.ruby.add(p.cov)
		f.images = f.images || p.images
		f.tables = f.tables || p.tables
		entries[p.out], types[p.out] = p.doc, "application/xhtml+xml"
		var pr []string
		if p.math {
			pr = append(pr, "mathml")
		}
		if p.svg {
			pr = append(pr, "svg")
		}
		props[p.out] = strings.Join(pr, " ")
		for r, mt := range p.resources {
			resources[r] = mt
		}
	}
	for r, mt := range resources {
		if _, clash := entries[r]; clash {
			return nil, nil, nil, f, fmt.Errorf("bundle: %s is both a page and an image", r)
		}
		data, err := l.files[r].bytes()
		if err != nil {
			return nil, nil, nil, f, fmt.Errorf("bundle: %s: %w", r, err)
		}
		entries[r], types[r] = compress(data, compressed(r)), mt
	}
	for _, name := range []string{navName, cssName} {
		if _, clash := entries[name]; clash {
			return nil, nil, nil, f, fmt.Errorf("bundle: the site has a file %s that the EPUB needs for itself", name)
		}
	}
	nav := l.navDoc(tocEntries(m, pages), pages[0], easy || f.ruby.full(), &f.ruby)
	entries[navName], types[navName], props[navName] = compress(nav, false), "application/xhtml+xml", "nav"
	css := epubCSS
	if m.Vertical {
		css = append(append([]byte{}, epubCSS...), verticalCSS...)
	}
	entries[cssName], types[cssName] = compress(css, false), "text/css"
	return entries, types, props, f, nil
}

// pack writes the container: the mimetype first and stored, then
// container.xml and the entries by name.
func (l *linker) pack(w io.Writer, entries map[string]body, m Meta) error {
	zw := newZipWriter(w, m.Modified)
	if err := zw.file("mimetype", []byte(mimetype), true); err != nil {
		return err
	}
	if err := zw.file("META-INF/container.xml", []byte(containerXML), false); err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := zw.put(epubDir+n, entries[n]); err != nil {
			return fmt.Errorf("bundle: epub %s: %w", n, err)
		}
	}
	return zw.w.Close()
}

const containerXML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="` + epubDir + opfName + `" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`

func xhtmlHead(b *bytes.Buffer, lang, title, css string) {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	fmt.Fprintf(b, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="%s" xml:lang="%s">`+"\n", xmlText(lang), xmlText(lang))
	b.WriteString("<head>\n<meta charset=\"UTF-8\"/>\n")
	fmt.Fprintf(b, "<title>%s</title>\n", xmlText(title))
	fmt.Fprintf(b, "<link rel=\"stylesheet\" type=\"text/css\" href=\"%s\"/>\n</head>\n", xmlText(css))
}

// contentDoc is the XHTML content document of p, whose <main> is main.
func contentDoc(p *page, main *html.Node, lang string) []byte {
	var b bytes.Buffer
	xhtmlHead(&b, lang, p.title, relPath(p.out, cssName))
	b.WriteString("<body epub:type=\"bodymatter\">\n")
	writeXHTML(&b, main)
	b.WriteString("\n</body>\n</html>\n")
	return b.Bytes()
}

// navDoc is the navigation document: the table of contents and the
// landmarks. Its heading (with its reading when rubyHeading is set) and
// labels count towards the ruby coverage.
func (l *linker) navDoc(toc []Entry, first *page, rubyHeading bool, cov *coverage) []byte {
	var b bytes.Buffer
	xhtmlHead(&b, l.lang, tocTitle, cssName)
	b.WriteString("<body>\n")
	b.WriteString("<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n")
	heading, body := tocTitle, bodyTitle
	if rubyHeading {
		heading, body = tocTitleRuby, bodyTitleRuby
	}
	b.WriteString("<h1 id=\"toc-title\">")
	l.writeLabel(&b, heading, cov)
	b.WriteString("</h1>\n")
	l.writeTOC(&b, toc, cov)
	b.WriteString("</nav>\n")
	b.WriteString("<nav epub:type=\"landmarks\" id=\"landmarks\" aria-labelledby=\"landmarks-title\" hidden=\"hidden\">\n")
	b.WriteString("<h2 id=\"landmarks-title\">ガイド</h2>\n<ol>\n")
	fmt.Fprintf(&b, "<li><a epub:type=\"toc\" href=\"%s#toc\">", navName)
	l.writeLabel(&b, heading, cov)
	fmt.Fprintf(&b, "</a></li>\n<li><a epub:type=\"bodymatter\" href=\"%s\">", xmlText(escapeIRI(first.out)))
	l.writeLabel(&b, body, cov)
	b.WriteString("</a></li>\n")
	b.WriteString("</ol>\n</nav>\n</body>\n</html>\n")
	return b.Bytes()
}

// The words of the navigation document; books whose text has ruby on
// every kanji give their readings.
const (
	tocTitle      = "目次"
	tocTitleRuby  = "<ruby>目次<rp>（</rp><rt>もくじ</rt><rp>）</rp></ruby>"
	bodyTitle     = "本文"
	bodyTitleRuby = "<ruby>本文<rp>（</rp><rt>ほんぶん</rt><rp>）</rp></ruby>"
)

// manifestID makes an XML id from an EPUB path.
func manifestID(p string, used map[string]bool) string {
	var b strings.Builder
	b.WriteString("f-")
	for _, r := range p {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	id := b.String()
	for i := 2; used[id]; i++ {
		id = fmt.Sprintf("%s-%d", b.String(), i)
	}
	used[id] = true
	return id
}

// packageDoc is the OPF package document.
func packageDoc(m Meta, title, id, lang string, f facts, pages []*page, types, props map[string]string) []byte {
	var b bytes.Buffer
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	t := xmlText
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"%s\" dir=\"ltr\">\n", t(lang))
	b.WriteString("  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
	w("    <dc:identifier id=\"pub-id\">%s</dc:identifier>\n", t(id))
	w("    <dc:title id=\"title\">%s</dc:title>\n", t(title))
	w("    <dc:language>%s</dc:language>\n", t(lang))
	if m.Author != "" {
		w("    <dc:creator id=\"creator\">%s</dc:creator>\n", t(m.Author))
	}
	if m.Publisher != "" {
		w("    <dc:publisher>%s</dc:publisher>\n", t(m.Publisher))
	}
	w("    <meta property=\"dcterms:modified\">%s</meta>\n", m.Modified.UTC().Format("2006-01-02T15:04:05Z"))

	// EPUB Accessibility 1.1 / schema.org accessibility metadata.
	b.WriteString("    <meta property=\"schema:accessMode\">textual</meta>\n")
	if f.images {
		b.WriteString("    <meta property=\"schema:accessMode\">visual</meta>\n")
	}
	b.WriteString("    <meta property=\"schema:accessModeSufficient\">textual</meta>\n")
	for _, feat := range f.features() {
		w("    <meta property=\"schema:accessibilityFeature\">%s</meta>\n", feat)
	}
	b.WriteString("    <meta property=\"schema:accessibilityHazard\">none</meta>\n")
	w("    <meta property=\"schema:accessibilitySummary\">%s</meta>\n", t(f.summary()))
	if f.certifier != "" {
		w("    <meta property=\"dcterms:conformsTo\">%s</meta>\n", conformance)
		w("    <meta property=\"a11y:certifiedBy\">%s</meta>\n", t(f.certifier))
	}
	b.WriteString("  </metadata>\n")

	// manifest, sorted by href
	hrefs := make([]string, 0, len(types))
	for h := range types {
		hrefs = append(hrefs, h)
	}
	sort.Strings(hrefs)
	used := map[string]bool{}
	ids := map[string]string{}
	b.WriteString("  <manifest>\n")
	for _, h := range hrefs {
		ids[h] = manifestID(h, used)
		w("    <item id=\"%s\" href=\"%s\" media-type=\"%s\"", ids[h], t(escapeIRI(h)), types[h])
		if pr := props[h]; pr != "" {
			w(" properties=\"%s\"", pr)
		}
		b.WriteString("/>\n")
	}
	b.WriteString("  </manifest>\n")

	ppd := "ltr"
	if m.Vertical {
		ppd = "rtl" // vertical-rl pages turn to the left
	}
	w("  <spine page-progression-direction=\"%s\">\n", ppd)
	for i, p := range pages {
		w("    <itemref idref=\"%s\"/>\n", ids[p.out])
		if i == 0 {
			// The navigation document is in the spine (so that the landmarks
			// may point at it) but outside the linear reading order.
			w("    <itemref idref=\"%s\" linear=\"no\"/>\n", ids[navName])
		}
	}
	b.WriteString("  </spine>\n</package>\n")
	return b.Bytes()
}
