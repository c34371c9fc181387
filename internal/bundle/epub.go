package bundle

import (
	"bytes"
	_ "embed"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
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
// book has a navigation document, a small style sheet, and the schema.org
// accessibility metadata of EPUB Accessibility 1.1. The easy variant's title
// gets EasyTitleSuffix and its identifier ":easy", so the two books differ.
func EPUB(files []File, variant string, m Meta) ([]byte, error) {
	byPath, err := index(files)
	if err != nil {
		return nil, err
	}
	all := make([]string, 0, len(byPath))
	for p := range byPath {
		all = append(all, p)
	}
	sort.Strings(all)
	sites, err := ContentPages(all, variant)
	if err != nil {
		return nil, err
	}
	if len(sites) == 0 {
		return nil, fmt.Errorf("bundle: no content pages for the %s variant", variant)
	}
	prefix, _ := variantPrefix(variant)
	easy := prefix != ""

	l := &linker{pages: map[string]*page{}, files: byPath, resources: map[string]string{}}
	var pages []*page
	for _, s := range sites {
		out := strings.TrimSuffix(strings.TrimPrefix(s, prefix), ".html") + ".xhtml"
		p, err := loadPage(s, out, byPath[s])
		if err != nil {
			return nil, err
		}
		if p.title == "" {
			p.title = strings.TrimSuffix(path.Base(s), ".html")
		}
		pages = append(pages, p)
		l.pages[s] = p
	}
	lang := m.lang()
	title := m.Title
	if easy && !strings.Contains(title, "わかりやすい版") {
		title += EasyTitleSuffix
	}
	id := m.Identifier
	if id == "" {
		id = "urn:plansite:" + m.Title
	}
	if easy {
		id += ":easy"
	}

	entries := map[string][]byte{} // EPUB/… path → data
	types := map[string]string{}   // EPUB/… path → media type
	props := map[string]string{}   // EPUB/… path → manifest properties
	var ruby, images bool
	for _, p := range pages {
		l.rewrite(p, p.main)
		fixIDRefs(p, p.main)
		ruby = ruby || p.ruby
		images = images || p.images
		entries[p.out] = contentDoc(p, lang)
		types[p.out] = "application/xhtml+xml"
		var pr []string
		if p.math {
			pr = append(pr, "mathml")
		}
		if p.svg {
			pr = append(pr, "svg")
		}
		props[p.out] = strings.Join(pr, " ")
	}
	for r, mt := range l.resources {
		if _, clash := entries[r]; clash {
			return nil, fmt.Errorf("bundle: %s is both a page and an image", r)
		}
		entries[r], types[r] = byPath[r], mt
	}
	for _, name := range []string{navName, cssName} {
		if _, clash := entries[name]; clash {
			return nil, fmt.Errorf("bundle: the site has a file %s that the EPUB needs for itself", name)
		}
	}
	entries[navName], types[navName], props[navName] = navDoc(pages, lang, easy), "application/xhtml+xml", "nav"
	entries[cssName], types[cssName] = epubCSS, "text/css"
	entries[opfName] = packageDoc(m, title, id, lang, easy, ruby, images, pages, types, props)

	var buf bytes.Buffer
	zw := newZipWriter(&buf, m.Modified)
	if err := zw.file("mimetype", []byte(mimetype), true); err != nil {
		return nil, err
	}
	if err := zw.file("META-INF/container.xml", []byte(containerXML), false); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := zw.file(epubDir+n, entries[n], false); err != nil {
			return nil, fmt.Errorf("bundle: epub %s: %w", n, err)
		}
	}
	if err := zw.w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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

// contentDoc is the XHTML content document of p.
func contentDoc(p *page, lang string) []byte {
	var b bytes.Buffer
	xhtmlHead(&b, lang, p.title, relPath(p.out, cssName))
	b.WriteString("<body epub:type=\"bodymatter\">\n")
	writeXHTML(&b, p.main)
	b.WriteString("\n</body>\n</html>\n")
	return b.Bytes()
}

// navDoc is the navigation document: the table of contents (each document
// by its h1, with its h2 sections) and the landmarks.
func navDoc(pages []*page, lang string, easy bool) []byte {
	var b bytes.Buffer
	tocTitle := "目次"
	xhtmlHead(&b, lang, tocTitle, cssName)
	b.WriteString("<body>\n")
	b.WriteString("<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n")
	if easy {
		b.WriteString("<h1 id=\"toc-title\"><ruby>目次<rp>（</rp><rt>もくじ</rt><rp>）</rp></ruby></h1>\n<ol>\n")
	} else {
		b.WriteString("<h1 id=\"toc-title\">目次</h1>\n<ol>\n")
	}
	for _, p := range pages {
		href := escapeIRI(p.out)
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a>", xmlText(href), xmlText(p.title))
		if len(p.h2s) > 0 {
			b.WriteString("\n<ol>\n")
			for _, h := range p.h2s {
				fmt.Fprintf(&b, "<li><a href=\"%s#%s\">%s</a></li>\n", xmlText(href), xmlText(escapeIRI(h.id)), xmlText(h.text))
			}
			b.WriteString("</ol>\n")
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n</nav>\n")
	b.WriteString("<nav epub:type=\"landmarks\" id=\"landmarks\" aria-labelledby=\"landmarks-title\" hidden=\"hidden\">\n")
	b.WriteString("<h2 id=\"landmarks-title\">ガイド</h2>\n<ol>\n")
	fmt.Fprintf(&b, "<li><a epub:type=\"toc\" href=\"%s#toc\">目次</a></li>\n", navName)
	fmt.Fprintf(&b, "<li><a epub:type=\"bodymatter\" href=\"%s\">本文</a></li>\n", xmlText(escapeIRI(pages[0].out)))
	b.WriteString("</ol>\n</nav>\n</body>\n</html>\n")
	return b.Bytes()
}

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
func packageDoc(m Meta, title, id, lang string, easy, ruby, images bool, pages []*page, types, props map[string]string) []byte {
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
	if images {
		b.WriteString("    <meta property=\"schema:accessMode\">visual</meta>\n")
	}
	b.WriteString("    <meta property=\"schema:accessModeSufficient\">textual</meta>\n")
	features := []string{"displayTransformability", "readingOrder", "structuralNavigation", "tableOfContents"}
	if images {
		features = append(features, "alternativeText")
	}
	if ruby {
		features = append(features, "rubyAnnotations")
	}
	sort.Strings(features)
	for _, f := range features {
		w("    <meta property=\"schema:accessibilityFeature\">%s</meta>\n", f)
	}
	b.WriteString("    <meta property=\"schema:accessibilityHazard\">none</meta>\n")
	w("    <meta property=\"schema:accessibilitySummary\">%s</meta>\n", t(summary(easy, ruby, images)))
	b.WriteString("    <meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>\n")
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

	b.WriteString("  <spine page-progression-direction=\"ltr\">\n")
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

// summary is the Japanese accessibility summary.
func summary(easy, ruby, images bool) string {
	var s strings.Builder
	if easy {
		s.WriteString("この電子書籍は、計画のわかりやすい版です。")
	}
	s.WriteString("見出し、目次、読む順番が設定されていて、スクリーンリーダーや音声読み上げで読めます。")
	s.WriteString("表には見出しと説明があります。")
	if images {
		s.WriteString("絵や図には、内容を説明する代替テキストがあります。")
	}
	if ruby {
		s.WriteString("漢字には、ふりがな（ルビ）が付いています。")
	}
	s.WriteString("文字の大きさ、書体、色は、読書アプリの設定で変えられます。")
	s.WriteString("WCAG 2.1 レベルAAに沿って作っています。点滅や音など、体調に影響するおそれのある内容はありません。")
	return s.String()
}
