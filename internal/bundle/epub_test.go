package bundle

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var uuidRe = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

type opfDoc struct {
	XMLName          xml.Name `xml:"http://www.idpf.org/2007/opf package"`
	Version          string   `xml:"version,attr"`
	UniqueIdentifier string   `xml:"unique-identifier,attr"`
	Metadata         struct {
		Identifiers []struct {
			ID    string `xml:"id,attr"`
			Value string `xml:",chardata"`
		} `xml:"http://purl.org/dc/elements/1.1/ identifier"`
		Titles    []string `xml:"http://purl.org/dc/elements/1.1/ title"`
		Languages []string `xml:"http://purl.org/dc/elements/1.1/ language"`
		Creators  []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
		Publisher []string `xml:"http://purl.org/dc/elements/1.1/ publisher"`
		Metas     []struct {
			Property string `xml:"property,attr"`
			Value    string `xml:",chardata"`
		} `xml:"meta"`
	} `xml:"metadata"`
	Items []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine struct {
		Direction string `xml:"page-progression-direction,attr"`
		Refs      []struct {
			IDRef  string `xml:"idref,attr"`
			Linear string `xml:"linear,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

func (o *opfDoc) metas(prop string) []string {
	var out []string
	for _, m := range o.Metadata.Metas {
		if m.Property == prop {
			out = append(out, strings.TrimSpace(m.Value))
		}
	}
	return out
}

// book is a built EPUB opened for checking.
type book struct {
	data  []byte
	zr    *zip.Reader
	opf   opfDoc
	dir   string            // folder of the OPF inside the zip, with "/"
	files map[string][]byte // every zip entry
	spine []string          // zip paths of the linear spine, in order
}

func buildBook(t *testing.T, variant string) *book {
	t.Helper()
	data, err := EPUB(siteFiles(t), variant, testMeta())
	if err != nil {
		t.Fatal(err)
	}
	return openBook(t, data)
}

// openBook opens an EPUB and reads its container, package and spine.
func openBook(t *testing.T, data []byte) *book {
	t.Helper()
	b := &book{data: data, zr: openZip(t, data), files: map[string][]byte{}}
	for _, f := range b.zr.File {
		b.files[f.Name] = readEntry(t, b.zr, f.Name)
	}
	var container struct {
		Rootfiles []struct {
			FullPath  string `xml:"full-path,attr"`
			MediaType string `xml:"media-type,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	cx, ok := b.files["META-INF/container.xml"]
	if !ok {
		t.Fatal("no META-INF/container.xml")
	}
	if err := xml.Unmarshal(cx, &container); err != nil || len(container.Rootfiles) != 1 {
		t.Fatalf("container.xml: %v %+v", err, container)
	}
	rf := container.Rootfiles[0]
	if rf.MediaType != "application/oebps-package+xml" {
		t.Errorf("rootfile media type %q", rf.MediaType)
	}
	opf, ok := b.files[rf.FullPath]
	if !ok {
		t.Fatalf("the package document %s is missing", rf.FullPath)
	}
	if err := xml.Unmarshal(opf, &b.opf); err != nil {
		t.Fatalf("package document: %v", err)
	}
	b.dir = path.Dir(rf.FullPath) + "/"
	byID := map[string]string{}
	for _, it := range b.opf.Items {
		byID[it.ID] = it.Href
	}
	for _, r := range b.opf.Spine.Refs {
		if r.Linear != "no" {
			b.spine = append(b.spine, b.dir+byID[r.IDRef])
		}
	}
	return b
}

func TestEPUBContainer(t *testing.T) {
	for _, variant := range []string{"standard", "easy"} {
		t.Run(variant, func(t *testing.T) {
			b := buildBook(t, variant)
			first := b.zr.File[0]
			if first.Name != "mimetype" || first.Method != zip.Store {
				t.Fatalf("first entry %q method %d, want mimetype stored", first.Name, first.Method)
			}
			// The OCF rule, checked on the raw bytes: local header, name at
			// offset 30, no extra field, the media type right after.
			d := b.data
			if binary.LittleEndian.Uint32(d) != 0x04034b50 || binary.LittleEndian.Uint16(d[8:]) != 0 ||
				binary.LittleEndian.Uint16(d[28:]) != 0 || string(d[30:38]) != "mimetype" ||
				string(d[38:58]) != "application/epub+zip" {
				t.Errorf("mimetype is not first, stored and without extra field: % x", d[:60])
			}
			for _, f := range b.zr.File {
				if len(f.Extra) != 0 || f.Flags&0x8 != 0 {
					t.Errorf("%s has extra fields or a data descriptor", f.Name)
				}
			}
			if b.opf.Version != "3.0" {
				t.Errorf("package version %q", b.opf.Version)
			}
		})
	}
}

func TestEPUBManifest(t *testing.T) {
	for _, variant := range []string{"standard", "easy"} {
		t.Run(variant, func(t *testing.T) {
			b := buildBook(t, variant)
			ids := map[string]bool{}
			inManifest := map[string]bool{}
			var hrefs []string
			var navs int
			for _, it := range b.opf.Items {
				if ids[it.ID] {
					t.Errorf("manifest id %s twice", it.ID)
				}
				ids[it.ID] = true
				hrefs = append(hrefs, it.Href)
				p := b.dir + unescape(t, it.Href)
				inManifest[p] = true
				if _, ok := b.files[p]; !ok {
					t.Errorf("manifest item %s is not in the EPUB", it.Href)
				}
				if it.MediaType == "" {
					t.Errorf("manifest item %s has no media type", it.Href)
				}
				if strings.Contains(it.Properties, "nav") {
					navs++
				}
			}
			if navs != 1 {
				t.Errorf("%d navigation documents in the manifest, want 1", navs)
			}
			if !sort.StringsAreSorted(hrefs) {
				t.Errorf("manifest is not sorted: %v", hrefs)
			}
			for name := range b.files {
				if name != "mimetype" && name != "META-INF/container.xml" && !strings.HasSuffix(name, ".opf") && !inManifest[name] {
					t.Errorf("%s is in the EPUB but not in the manifest", name)
				}
			}
			for _, r := range b.opf.Spine.Refs {
				if !ids[r.IDRef] {
					t.Errorf("spine refers to unknown item %s", r.IDRef)
				}
			}
			if b.opf.Spine.Direction != "ltr" {
				t.Errorf("page-progression-direction %q", b.opf.Spine.Direction)
			}
		})
	}
}

func unescape(t *testing.T, href string) string {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatalf("bad href %q: %v", href, err)
	}
	return u.Path
}

func TestEPUBSpineOrder(t *testing.T) {
	want := map[string][]string{
		"standard": {"index", "chapters/01-hajimeni", "chapters/02-genjou", "pillars/1", "pillars/2", "pillars/10",
			"measures", "departments", "glossary", "contact"},
		"easy": {"index", "chapters/01-hajimeni", "pillars/1", "glossary"},
	}
	for variant, docs := range want {
		b := buildBook(t, variant)
		var got []string
		for _, s := range b.spine {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(s, b.dir), ".xhtml"))
		}
		if strings.Join(got, " ") != strings.Join(docs, " ") {
			t.Errorf("%s spine %v, want %v", variant, got, docs)
		}
	}
}

func TestEPUBMetadata(t *testing.T) {
	for _, variant := range []string{"standard", "easy"} {
		t.Run(variant, func(t *testing.T) {
			b := buildBook(t, variant)
			o := &b.opf
			md := o.Metadata
			if len(md.Identifiers) != 1 || md.Identifiers[0].ID != o.UniqueIdentifier ||
				!uuidRe.MatchString(md.Identifiers[0].Value) {
				t.Errorf("identifier %+v, unique-identifier %q", md.Identifiers, o.UniqueIdentifier)
			}
			if len(md.Languages) != 1 || md.Languages[0] != "ja" {
				t.Errorf("languages %v", md.Languages)
			}
			if len(md.Titles) != 1 || !strings.HasPrefix(md.Titles[0], "第四次小平市障がい者福祉計画") {
				t.Errorf("titles %v", md.Titles)
			}
			other := buildBook(t, map[string]string{"standard": "easy", "easy": "standard"}[variant])
			if md.Identifiers[0].Value == other.opf.Metadata.Identifiers[0].Value {
				t.Errorf("both books have the identifier %q", md.Identifiers[0].Value)
			}
			if variant == "easy" && !strings.HasSuffix(md.Titles[0], EasyTitleSuffix) {
				t.Errorf("easy book title %q is not told apart", md.Titles[0])
			}
			if strings.Join(md.Creators, "") != "小平市" || strings.Join(md.Publisher, "") != "健康福祉部 障がい者支援課" {
				t.Errorf("creator %v publisher %v", md.Creators, md.Publisher)
			}
			if got := o.metas("dcterms:modified"); len(got) != 1 || got[0] != "2024-04-01T09:30:14Z" {
				t.Errorf("dcterms:modified %v", got)
			}
			features := strings.Join(o.metas("schema:accessibilityFeature"), " ")
			for _, f := range []string{"structuralNavigation", "tableOfContents", "readingOrder", "rubyAnnotations", "displayTransformability"} {
				if !strings.Contains(features, f) {
					t.Errorf("accessibilityFeature %s missing (have %s)", f, features)
				}
			}
			// alternativeText and the visual access mode only where there are images
			images := variant == "easy"
			if strings.Contains(features, "alternativeText") != images {
				t.Errorf("alternativeText claimed=%v, images=%v", !images, images)
			}
			modes := strings.Join(o.metas("schema:accessMode"), " ")
			if !strings.Contains(modes, "textual") || strings.Contains(modes, "visual") != images {
				t.Errorf("accessMode %q (images %v)", modes, images)
			}
			for prop, want := range map[string]string{
				"schema:accessModeSufficient": "textual",
				"schema:accessibilityHazard":  "none",
			} {
				if got := o.metas(prop); len(got) != 1 || got[0] != want {
					t.Errorf("%s %v, want %q", prop, got, want)
				}
			}
			if s := o.metas("schema:accessibilitySummary"); len(s) != 1 || !strings.Contains(s[0], "ふりがな") {
				t.Errorf("accessibilitySummary %v", s)
			}
			if len(o.metas("a11y:certifiedBy")) != 0 || len(o.metas("dcterms:conformsTo")) != 0 {
				t.Error("without a certifier, the book must make no conformance claim")
			}
		})
	}
}

// xhtmlDocs returns the XHTML documents of the book, parsed.
func xhtmlDocs(t *testing.T, b *book) map[string]*node {
	docs := map[string]*node{}
	for _, it := range b.opf.Items {
		if it.MediaType != "application/xhtml+xml" {
			continue
		}
		p := b.dir + unescape(t, it.Href)
		root := parseXML(t, p, b.files[p])
		if root.name.Space != "http://www.w3.org/1999/xhtml" || root.name.Local != "html" {
			t.Errorf("%s: root %v", p, root.name)
		}
		lang, _ := root.attr("lang")
		xl, _ := root.attrNS("http://www.w3.org/XML/1998/namespace", "lang")
		if lang != "ja" || xl != "ja" {
			t.Errorf("%s: lang=%q xml:lang=%q", p, lang, xl)
		}
		docs[p] = root
	}
	return docs
}

func TestEPUBContentDocuments(t *testing.T) {
	for _, variant := range []string{"standard", "easy"} {
		t.Run(variant, func(t *testing.T) {
			b := buildBook(t, variant)
			docs := xhtmlDocs(t, b)
			for _, p := range b.spine {
				doc, ok := docs[p]
				if !ok {
					t.Fatalf("spine item %s is not an XHTML document", p)
				}
				if n := len(doc.all("h1")); n != 1 {
					t.Errorf("%s has %d h1", p, n)
				}
				for _, banned := range []string{"script", "form", "input", "noscript", "header", "footer", "style"} {
					if len(doc.all(banned)) > 0 {
						t.Errorf("%s still has <%s>", p, banned)
					}
				}
				for _, el := range doc.all("") {
					if c, _ := el.attr("class"); strings.Contains(c, "pager") || strings.Contains(c, "site-nav") || strings.Contains(c, "prefs") {
						t.Errorf("%s keeps site chrome %q", p, c)
					}
					if _, ok := el.attr("onclick"); ok {
						t.Errorf("%s keeps an event handler", p)
					}
				}
				if bytes.Contains(b.files[p], []byte("EXCLUDED-PAGE")) {
					t.Errorf("%s has text of an excluded page", p)
				}
			}
			for name := range b.files {
				if strings.Contains(name, "search") || strings.Contains(name, "404") || strings.Contains(name, "accessibility") {
					t.Errorf("excluded page %s is in the EPUB", name)
				}
			}
		})
	}
}

func TestEPUBTablesAndEscaping(t *testing.T) {
	b := buildBook(t, "standard")
	docs := xhtmlDocs(t, b)
	ch2 := docs[b.dir+"chapters/02-genjou.xhtml"]
	tables := ch2.all("table")
	if len(tables) != 1 || len(tables[0].all("caption")) != 1 {
		t.Fatalf("chapter 2 table or caption lost")
	}
	for _, th := range tables[0].all("th") {
		if s, _ := th.attr("scope"); s != "col" && s != "row" {
			t.Errorf("th without scope: %q", th.textContent(true))
		}
	}
	if svgs := ch2.all("svg"); len(svgs) != 1 || svgs[0].name.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("inline svg lost or not in the SVG namespace: %v", svgs)
	}
	var props string
	for _, it := range b.opf.Items {
		if it.Href == "chapters/02-genjou.xhtml" {
			props = it.Properties
		}
	}
	if props != "svg" {
		t.Errorf("chapter 2 manifest properties %q, want svg", props)
	}
	if lis := ch2.all("li"); len(lis) != 2 {
		t.Errorf("unclosed <li> gave %d items", len(lis))
	}
	ch1 := docs[b.dir+"chapters/01-hajimeni.xhtml"]
	text := ch1.textContent(false)
	for _, want := range []string{"A & B < C。", "x<y", "改行"} {
		if !strings.Contains(text, want) {
			t.Errorf("chapter 1 text lost %q", want)
		}
	}
	if len(ch1.all("br")) != 1 || len(ch1.all("wbr")) != 1 {
		t.Error("void elements lost")
	}
	raw := string(b.files[b.dir+"chapters/01-hajimeni.xhtml"])
	if !strings.Contains(raw, "<br/>") || strings.Contains(raw, "<!--") {
		t.Error("void elements are not self-closed or comments are kept")
	}
	idx := docs[b.dir+"index.xhtml"]
	if bq := idx.all("blockquote"); len(bq) != 1 {
		t.Error("blockquote lost")
	} else if _, ok := bq[0].attr("cite"); ok {
		t.Error("blockquote cite (an external resource reference) kept")
	}
	// aria-labelledby keeps only ids that exist
	p2 := docs[b.dir+"pillars/2.xhtml"]
	for _, s := range p2.all("section") {
		if v, _ := s.attr("aria-labelledby"); v != "measure-2-title" {
			t.Errorf("aria-labelledby %q, want the dangling id dropped", v)
		}
	}
}

// TestEPUBLinks checks that every link and image reference resolves inside
// the book (file and fragment), or is an external link.
func TestEPUBLinks(t *testing.T) {
	for _, variant := range []string{"standard", "easy"} {
		t.Run(variant, func(t *testing.T) {
			b := buildBook(t, variant)
			docs := xhtmlDocs(t, b)
			ids := map[string]map[string]bool{}
			for p, d := range docs {
				ids[p] = map[string]bool{}
				for _, el := range d.all("") {
					if id, ok := el.attr("id"); ok {
						ids[p][id] = true
					}
				}
			}
			for p, d := range docs {
				var refs []string
				for _, el := range d.all("") {
					for _, k := range []string{"href", "src"} {
						if v, ok := el.attr(k); ok && el.name.Local != "link" {
							refs = append(refs, v)
						}
					}
				}
				for _, ref := range refs {
					u, err := url.Parse(ref)
					if err != nil {
						t.Errorf("%s: bad URL %q", p, ref)
						continue
					}
					switch u.Scheme {
					case "http", "https", "mailto", "tel":
						continue
					case "":
					default:
						t.Errorf("%s: link %q with scheme %s", p, ref, u.Scheme)
						continue
					}
					target := p
					if u.Path != "" {
						target = path.Join(path.Dir(p), u.Path)
					}
					if _, ok := b.files[target]; !ok {
						t.Errorf("%s: %q points to missing %s", p, ref, target)
						continue
					}
					if strings.HasSuffix(target, ".html") {
						t.Errorf("%s: %q points to a web page", p, ref)
					}
					if u.Fragment != "" && !ids[target][u.Fragment] {
						t.Errorf("%s: %q: no id %q in %s", p, ref, u.Fragment, target)
					}
				}
			}
		})
	}
}

func linkTo(d *node, text string) (string, bool) {
	for _, a := range d.all("a") {
		if a.textContent(true) == text {
			h, ok := a.attr("href")
			return h, ok
		}
	}
	return "", false
}

func TestEPUBLinkRewriting(t *testing.T) {
	b := buildBook(t, "standard")
	docs := xhtmlDocs(t, b)
	idx := docs[b.dir+"index.xhtml"]
	ch1 := docs[b.dir+"chapters/01-hajimeni.xhtml"]
	dep := docs[b.dir+"departments.xhtml"]
	cases := []struct {
		doc        *node
		text, href string
		link       bool
	}{
		{idx, "基本施策1　相談支援", "pillars/1.xhtml", true},
		{idx, "第1章　計画の策定にあたって", "chapters/01-hajimeni.xhtml", true},
		{idx, "市のホームページ", "https://www.city.example.jp/", true},
		{idx, "サイト内検索", "", false},  // search.html is left out
		{idx, "わかりやすい版", "", false}, // the other variant
		{idx, "方針", "", false},      // accessibility.html
		{idx, "スクリプト", "", false},   // javascript:
		{ch1, "計画の背景", "#sec-1", true},
		{ch1, "ない見出し", "", false}, // a fragment that is nowhere
		{ch1, "相談支援", "../glossary.xhtml#term-相談支援", true},
		{ch1, "次の章", "02-genjou.xhtml#sec-1", true},
		{ch1, "基本施策1", "../pillars/1.xhtml", true}, // the anchor is gone, the page is there
		{ch1, "担当課", "../departments.xhtml#dept-障がい者支援課", true},
		{ch1, "障害者基本法", "https://elaws.e-gov.go.jp/?q=a&b=c", true},
		{dep, "障がい者支援課", "#dept-障がい者支援課", true},
	}
	for _, c := range cases {
		href, ok := linkTo(c.doc, c.text)
		if ok != c.link || href != c.href {
			t.Errorf("link %q: href %q (link %v), want %q (link %v)", c.text, href, ok, c.href, c.link)
		}
		if !c.link && !strings.Contains(c.doc.textContent(true), c.text) {
			t.Errorf("the text of the dropped link %q is lost", c.text)
		}
	}
	if h, _ := linkTo(docs[b.dir+"contact.xhtml"], "042-000-9540"); h != "tel:0420009540" {
		t.Errorf("tel link %q", h)
	}
}

func TestEPUBImages(t *testing.T) {
	easy := buildBook(t, "easy")
	var svg string
	for _, it := range easy.opf.Items {
		if it.Href == "assets/picto/soudan.svg" {
			svg = it.MediaType
		}
		if strings.HasSuffix(it.Href, ".js") {
			t.Errorf("%s carried into the EPUB", it.Href)
		}
	}
	if svg != "image/svg+xml" {
		t.Errorf("pictogram media type %q", svg)
	}
	ch := xhtmlDocs(t, easy)[easy.dir+"chapters/01-hajimeni.xhtml"]
	imgs := ch.all("img")
	if len(imgs) != 1 {
		t.Fatalf("%d images in easy chapter 1, want 1", len(imgs))
	}
	if src, _ := imgs[0].attr("src"); src != "../assets/picto/soudan.svg" {
		t.Errorf("img src %q", src)
	}
	if alt, _ := imgs[0].attr("alt"); alt != "相談の絵" {
		t.Errorf("img alt %q", alt)
	}
	if !strings.Contains(ch.textContent(true), "へんな画像") {
		t.Error("an image that cannot be carried does not leave its alt text")
	}
	std := buildBook(t, "standard")
	ch2 := xhtmlDocs(t, std)[std.dir+"chapters/02-genjou.xhtml"]
	if len(ch2.all("img")) != 0 || !strings.Contains(ch2.textContent(true), "ない画像") {
		t.Error("a missing image is not replaced by its alt text")
	}
}

func TestEPUBRubyKept(t *testing.T) {
	for _, variant := range []string{"standard", "easy"} {
		b := buildBook(t, variant)
		docs := xhtmlDocs(t, b)
		rubies := 0
		for _, p := range b.spine {
			for _, r := range docs[p].all("ruby") {
				rubies++
				if len(r.all("rt")) != 1 || len(r.all("rp")) != 2 {
					t.Errorf("%s: ruby %q lost rt or rp", p, r.textContent(false))
				}
			}
		}
		if rubies == 0 {
			t.Errorf("%s: no ruby kept", variant)
		}
		h1 := docs[b.dir+"pillars/1.xhtml"].all("h1")[0]
		want := map[string]string{"standard": "基本施策しさく1　相談支援しえんと権利擁護ようご", "easy": "柱はしら1　相談そうだん"}[variant]
		if got := strings.NewReplacer("（", "", "）", "").Replace(h1.textContent(false)); got != want {
			t.Errorf("%s: h1 %q, want %q", variant, got, want)
		}
		css := string(b.files[b.dir+cssName])
		if !strings.Contains(css, "rt {") && !strings.Contains(css, "rt{") {
			t.Error("style sheet has no rule for rt")
		}
		for _, fixed := range []string{"px", "pt;", "font-size: 1", "font-size:1"} {
			for _, line := range strings.Split(css, "\n") {
				if strings.Contains(line, "font-size") && strings.Contains(line, fixed) && !strings.Contains(line, "em") {
					t.Errorf("fixed font size in the style sheet: %s", line)
				}
			}
		}
	}
}

func TestEPUBNavigation(t *testing.T) {
	for _, variant := range []string{"standard", "easy"} {
		t.Run(variant, func(t *testing.T) {
			b := buildBook(t, variant)
			docs := xhtmlDocs(t, b)
			var navPath string
			for _, it := range b.opf.Items {
				if it.Properties == "nav" {
					navPath = b.dir + it.Href
				}
			}
			nav := docs[navPath]
			if nav == nil {
				t.Fatal("no navigation document")
			}
			const ops = "http://www.idpf.org/2007/ops"
			var toc, landmarks *node
			for _, n := range nav.all("nav") {
				switch v, _ := n.attrNS(ops, "type"); v {
				case "toc":
					toc = n
				case "landmarks":
					landmarks = n
				}
			}
			if toc == nil || landmarks == nil {
				t.Fatal("navigation document lacks the toc or the landmarks")
			}
			// top-level entries: one per spine document, labelled by its h1
			ol := toc.all("ol")[0]
			var entries []*node
			for _, c := range ol.children {
				if c.name.Local == "li" {
					entries = append(entries, c)
				}
			}
			if len(entries) != len(b.spine) {
				t.Fatalf("toc has %d entries, spine %d", len(entries), len(b.spine))
			}
			for i, li := range entries {
				a := li.all("a")[0]
				href, _ := a.attr("href")
				if b.dir+href != b.spine[i] {
					t.Errorf("toc entry %d points to %s, spine has %s", i, href, b.spine[i])
				}
				h1 := docs[b.spine[i]].all("h1")[0].textContent(true)
				if a.textContent(false) != h1 {
					t.Errorf("toc entry %q, h1 %q", a.textContent(false), h1)
				}
			}
			var kinds []string
			for _, a := range landmarks.all("a") {
				v, _ := a.attrNS(ops, "type")
				kinds = append(kinds, v)
			}
			if strings.Join(kinds, " ") != "toc bodymatter" {
				t.Errorf("landmarks %v", kinds)
			}
		})
	}
}

func TestEPUBDeterministic(t *testing.T) {
	files := siteFiles(t)
	m := testMeta()
	for _, variant := range []string{"standard", "easy"} {
		a, err := EPUB(files, variant, m)
		if err != nil {
			t.Fatal(err)
		}
		b, err := EPUB(reversed(files), variant, m)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: same files in another order gave different EPUB bytes", variant)
		}
		m2 := m
		m2.Modified = m.Modified.Add(time.Hour)
		c, _ := EPUB(files, variant, m2)
		if bytes.Equal(a, c) {
			t.Errorf("%s: Modified does not reach the EPUB", variant)
		}
	}
}

func TestEPUBErrors(t *testing.T) {
	files := siteFiles(t)
	if _, err := EPUB(files, "large-print", testMeta()); err == nil {
		t.Error("unknown variant gave no error")
	}
	if _, err := EPUB([]File{{Path: "assets/x.css"}}, "standard", testMeta()); err == nil {
		t.Error("a site without pages gave no error")
	}
	if _, err := EPUB([]File{{Path: "index.html", Data: []byte("<p>no main")}}, "standard", testMeta()); err == nil {
		t.Error("a page without <main> gave no error")
	}
}

func TestContentPagesOrder(t *testing.T) {
	paths := []string{"pillars/10.html", "pillars/2.html", "pillars/1.html", "pillars/x.html", "chapters/02-b.html",
		"chapters/01-a.html", "chapters/img/x.html", "contact.html", "glossary.html", "search.html", "404.html",
		"accessibility.html", "index.html", "measures.html", "departments.html", "easy/index.html"}
	got, err := ContentPages(paths, "standard")
	if err != nil {
		t.Fatal(err)
	}
	want := "index.html chapters/01-a.html chapters/02-b.html pillars/1.html pillars/2.html pillars/10.html pillars/x.html measures.html departments.html glossary.html contact.html"
	if strings.Join(got, " ") != want {
		t.Errorf("order\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	got, _ = ContentPages(paths, "easy")
	if strings.Join(got, " ") != "easy/index.html" {
		t.Errorf("easy pages %v", got)
	}
}
