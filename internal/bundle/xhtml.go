package bundle

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page is one content page of the variant on its way into the EPUB. Only
// what the book needs of it is kept: its document, compressed, and facts.
type page struct {
	site      string            // path in the site, e.g. "easy/chapters/01-a.html"
	out       string            // path in the EPUB folder, e.g. "chapters/01-a.xhtml"
	sum       [32]byte          // SHA-256 of the site page (see Reuse)
	final     bool              // converted with links to other pages checked
	doc       body              // the content document, ready for the container
	ids       map[string]bool   // ids left in main
	title     string            // the h1 as plain text (no readings)
	h2s       []heading         // h2s that have an id, for the navigation document
	cov       coverage          // kanji with and without readings
	resources map[string]string // images carried: site path → media type
	pending   []place           // places on other pages that links go to
	present   []bool            // of a final page: whether each of them was there
	ruby      bool              // has <ruby>
	tables    bool              // has <table>
	images    bool              // has <img> after rewriting
	svg       bool              // has inline <svg>
	math      bool              // has inline <math>
}

// place is an id on a page.
type place struct {
	page *page
	id   string
}

type heading struct{ id, text string }

// dropped are elements that an EPUB content document does not keep:
// scripts, forms and embedded active content.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Noscript: true, atom.Style: true, atom.Template: true,
	atom.Form: true, atom.Input: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Option: true, atom.Optgroup: true, atom.Datalist: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Video: true,
	atom.Audio: true, atom.Source: true, atom.Track: true, atom.Canvas: true,
	atom.Link: true, atom.Meta: true, atom.Base: true, atom.Dialog: true,
	atom.Slot: true, atom.Frame: true, atom.Frameset: true, atom.Param: true,
}

// webOnly marks parts of a page that work only on the web site, such as
// the download links, the pager or the read-aloud controls (docs/theme.md):
// offline editions leave them out. The theme marks them; the bundle knows
// none of its class names.
const webOnly = "data-web-only"

// idrefAttrs hold space-separated ids of the same document.
var idrefAttrs = []string{"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
	"aria-flowto", "aria-activedescendant", "aria-details", "aria-errormessage", "headers", "for", "list"}

func hasClass(n *html.Node, classes ...string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				for _, want := range classes {
					if c == want {
						return true
					}
				}
			}
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	_, ok := attr(n, key)
	return ok
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

func delAttr(n *html.Node, keys ...string) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		keep := true
		for _, k := range keys {
			if a.Namespace == "" && a.Key == k {
				keep = false
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	n.Attr = out
}

// findMain returns the first <main> element (or role="main") of doc.
func findMain(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.Namespace == "" {
		if n.DataAtom == atom.Main {
			return n
		}
		if r, _ := attr(n, "role"); r == "main" {
			return n
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findMain(c); m != nil {
			return m
		}
	}
	return nil
}

// read returns the bytes of p's site page.
func (l *linker) read(p *page) ([]byte, error) {
	data, err := l.files[p.site].bytes()
	if err != nil {
		return nil, fmt.Errorf("bundle: %s: %w", p.site, err)
	}
	return data, nil
}

// convert parses data, the site page of p, keeps its cleaned <main> and
// makes its content document. With final unset, links to places on other
// pages are kept unchecked and remembered (other pages may not be read
// yet).
func (l *linker) convert(p *page, data []byte, final bool) error {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("bundle: %s: %w", p.site, err)
	}
	m := findMain(doc)
	if m == nil {
		return fmt.Errorf("bundle: %s has no <main>", p.site)
	}
	m.Parent.RemoveChild(m)
	m.Data, m.DataAtom = "main", atom.Main
	delAttr(m, "tabindex", "role")
	*p = page{site: p.site, out: p.out, sum: p.sum, final: final, ids: map[string]bool{}, resources: map[string]string{}}
	clean(m)
	p.collect(m)
	if p.title == "" {
		p.title = strings.TrimSuffix(path.Base(p.site), ".html")
	}
	l.rewrite(p, m, final)
	fixIDRefs(p, m)
	if l.vertical {
		tateChuYoko(m)
	}
	p.cov.count(m, false)
	p.doc = compress(contentDoc(p, m, l.lang), false)
	return nil
}

// stale reports whether p's document no longer fits the places on other
// pages its links go to: a place it links to is missing (a page converted
// before every page was read), or, for a page converted with the places
// checked (final), one is there now that was not then, or the reverse.
func (l *linker) stale(p *page) bool {
	for i, pl := range p.pending {
		there := pl.page.ids[pl.id]
		if p.final && there != p.present[i] || !p.final && !there {
			return true
		}
	}
	return false
}

// clean removes dropped elements, comments, event handlers, attributes
// that point at resources the EPUB does not carry, and attributes EPUB's
// XHTML does not have (inert, which the pages put on readings).
func clean(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			n.RemoveChild(c)
		case html.ElementNode:
			if c.Namespace == "" && (dropped[c.DataAtom] || hasAttr(c, webOnly)) {
				n.RemoveChild(c)
				break
			}
			if !isXMLName(c.Data) {
				// not an XML name (e.g. "o:p" from a word processor): keep the content
				first := c.FirstChild
				unwrap(c)
				if first != nil {
					next = first
				}
				break
			}
			out := c.Attr[:0]
			for _, a := range c.Attr {
				k := a.Key
				if a.Namespace == "" && (strings.HasPrefix(k, "on") || k == "srcset" || k == "sizes" ||
					k == "ping" || k == "download" || k == "autofocus" || k == "contenteditable" ||
					k == "formaction" || k == "inert" || k == "xmlns" || strings.HasPrefix(k, "xmlns:")) {
					continue
				}
				out = append(out, a)
			}
			c.Attr = out
			clean(c)
		}
		c = next
	}
}

// collect records ids (dropping duplicates and ids with spaces), headings
// and what the page contains.
func (p *page) collect(n *html.Node) {
	if n.Type == html.ElementNode {
		if id, ok := attr(n, "id"); ok {
			if id == "" || strings.ContainsAny(id, " \t\n\f\r") || p.ids[id] {
				delAttr(n, "id")
			} else {
				p.ids[id] = true
			}
		}
		switch {
		case n.Namespace == "svg" && n.Data == "svg":
			p.svg = true
		case n.Namespace == "math" && n.Data == "math":
			p.math = true
		case n.Namespace == "" && n.DataAtom == atom.Ruby:
			p.ruby = true
		case n.Namespace == "" && n.DataAtom == atom.Table:
			p.tables = true
		case n.Namespace == "" && n.DataAtom == atom.H1 && p.title == "":
			p.title = plainText(n)
		case n.Namespace == "" && n.DataAtom == atom.H2:
			if id, ok := attr(n, "id"); ok && p.ids[id] {
				if t := plainText(n); t != "" {
					p.h2s = append(p.h2s, heading{id, t})
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.collect(c)
	}
}

var spaces = regexp.MustCompile(`\s+`)

// plainText is the text of n without ruby readings, spaces collapsed.
func plainText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Rt || n.DataAtom == atom.Rp) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Img {
			if alt, ok := attr(n, "alt"); ok {
				b.WriteString(alt)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(spaces.ReplaceAllString(b.String(), " "))
}

// linker rewrites the URLs of pages: links between included pages go to
// their .xhtml files, images are carried into the EPUB, the rest is dropped.
type linker struct {
	pages    map[string]*page // by site path
	files    map[string]File  // the whole site
	vertical bool             // the 縦書き edition: numbers in labels set upright too
	lang     string           // the book's language
}

// resolve turns a relative URL of the page into a site path, or "".
func resolve(from, ref string) string {
	if ref == "" {
		return ""
	}
	dir := strings.HasSuffix(ref, "/")
	t := path.Join(path.Dir(from), ref)
	if t == ".." || strings.HasPrefix(t, "../") || strings.HasPrefix(t, "/") {
		return ""
	}
	if dir || t == "." {
		t = path.Join(t, "index.html")
	}
	return t
}

// rewrite fixes every link and image of p.
func (l *linker) rewrite(p *page, n *html.Node, final bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Namespace == "" {
			switch c.DataAtom {
			case atom.A, atom.Area:
				if href, ok := attr(c, "href"); ok {
					if nh, keep := l.link(p, href, final); keep {
						setAttr(c, "href", nh)
					} else if c.DataAtom == atom.Area {
						n.RemoveChild(c)
						c = next
						continue
					} else {
						c = unwrapLink(c, next) // keep the text, drop the link
						continue
					}
				}
			case atom.Img:
				if !l.image(p, c) {
					alt, _ := attr(c, "alt")
					if alt != "" {
						n.InsertBefore(&html.Node{Type: html.TextNode, Data: alt}, c)
					}
					n.RemoveChild(c)
					c = next
					continue
				}
				p.images = true
			case atom.Blockquote, atom.Q, atom.Del, atom.Ins:
				delAttr(c, "cite")
			}
		}
		l.rewrite(p, c, final)
		c = next
	}
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	parent := n.Parent
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		parent.InsertBefore(c, n)
		c = next
	}
	parent.RemoveChild(n)
}

// unwrapLink replaces the link a by its children and returns the node to
// visit next: a's first child, so the text it held is still walked, else
// next (a's sibling).
func unwrapLink(a, next *html.Node) *html.Node {
	first := a.FirstChild
	unwrap(a)
	if first != nil {
		return first
	}
	return next
}

// link returns the EPUB href for href on page p, or keep=false when the
// link must go (its target is not in the EPUB). A place on another page
// is checked only when final is set; it is remembered in p.pending either
// way (and whether it was there in p.present, when final).
func (l *linker) link(p *page, href string, final bool) (string, bool) {
	href = strings.TrimSpace(href)
	if href == "" || href == "#" {
		return "", false
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	if u.Scheme != "" {
		switch strings.ToLower(u.Scheme) {
		case "http", "https", "mailto", "tel":
			return href, true
		}
		return "", false
	}
	if u.Host != "" { // //host/path
		return "https:" + href, true
	}
	target := p
	if u.Path != "" {
		t, ok := l.pages[resolve(p.site, u.Path)]
		if !ok {
			return "", false
		}
		target = t
	}
	frag := u.Fragment
	if frag != "" && target != p {
		p.pending = append(p.pending, place{target, frag})
		if final {
			p.present = append(p.present, target.ids[frag])
		}
	}
	if frag != "" && (target == p || final) && !target.ids[frag] {
		if target == p {
			return "", false // a jump to nothing on the same page
		}
		frag = "" // the page is there, the anchor is not: go to the page
	}
	if target == p && frag != "" {
		return "#" + escapeIRI(frag), true
	}
	h := escapeIRI(relPath(p.out, target.out))
	if frag != "" {
		h += "#" + escapeIRI(frag)
	}
	return h, true
}

// image carries the image of an <img> into the EPUB; false when it cannot.
func (l *linker) image(p *page, n *html.Node) bool {
	src, _ := attr(n, "src")
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return false
	}
	t := resolve(p.site, u.Path)
	if _, ok := l.files[t]; !ok {
		return false
	}
	mt := imageType(t)
	if mt == "" {
		return false
	}
	if _, ok := attr(n, "alt"); !ok {
		setAttr(n, "alt", "")
	}
	p.resources[t] = mt
	setAttr(n, "src", escapeIRI(relPath(p.out, t)))
	return true
}

// imageType is the media type of the core image types of EPUB 3.3.
func imageType(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	}
	return ""
}

// relPath is the relative URL path from the document at from to to (both
// slash paths relative to the same folder).
func relPath(from, to string) string {
	fd := strings.Split(path.Dir(from), "/")
	if path.Dir(from) == "." {
		fd = nil
	}
	td := strings.Split(to, "/")
	i := 0
	for i < len(fd) && i < len(td)-1 && fd[i] == td[i] {
		i++
	}
	return strings.Repeat("../", len(fd)-i) + strings.Join(td[i:], "/")
}

// escapeIRI percent-encodes what may not appear in an IRI reference
// (spaces, quotes, brackets, '%', '#', '?', controls) and leaves other
// characters, Japanese included, as they are.
func escapeIRI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c <= 0x20 || c == 0x7f || strings.IndexByte("\"%<>\\^`{|}#?[]", c) >= 0) {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// fixIDRefs drops references to ids that are no longer in the page.
func fixIDRefs(p *page, n *html.Node) {
	if n.Type == html.ElementNode {
		for _, k := range idrefAttrs {
			v, ok := attr(n, k)
			if !ok {
				continue
			}
			var keep []string
			for _, id := range strings.Fields(v) {
				if p.ids[id] {
					keep = append(keep, id)
				}
			}
			if len(keep) == 0 {
				delAttr(n, k)
			} else {
				setAttr(n, k, strings.Join(keep, " "))
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixIDRefs(p, c)
	}
}

// ---- XHTML serialisation ----

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true,
}

// isXMLName reports whether s is an element or attribute name that XHTML
// can carry as it is: an ASCII letter or _, then letters, digits, _, . or
// - (names with other characters, such as o:p from a word processor, are
// dropped or unwrapped). A loop, not a regular expression: it runs for
// every element and attribute of every page.
func isXMLName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '.' || c == '-')) {
			return false
		}
	}
	return s != ""
}

// writeXHTML writes n as well-formed XHTML.
func writeXHTML(b *bytes.Buffer, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		escapeXML(b, n.Data, false)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			writeXHTML(b, c)
		}
		return
	}
	name := n.Data
	foreignRoot := n.Namespace != "" && (n.Parent == nil || n.Parent.Namespace != n.Namespace)
	b.WriteByte('<')
	b.WriteString(name)
	if foreignRoot {
		switch n.Namespace {
		case "svg":
			b.WriteString(` xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"`)
		case "math":
			b.WriteString(` xmlns="http://www.w3.org/1998/Math/MathML"`)
		}
	}
	lang, hasLang := "", false
	hasXMLLang := false
	for _, a := range n.Attr {
		key := a.Key
		switch a.Namespace {
		case "xlink", "xml":
			key = a.Namespace + ":" + a.Key
		case "xmlns":
			continue
		case "":
			if key == "xml:lang" || key == "xml:space" || key == "epub:type" {
				break
			}
			if !isXMLName(key) {
				continue
			}
		default:
			continue
		}
		if key == "lang" {
			lang, hasLang = a.Val, true
		}
		if key == "xml:lang" {
			hasXMLLang = true
		}
		b.WriteByte(' ')
		b.WriteString(key)
		b.WriteString(`="`)
		escapeXML(b, a.Val, true)
		b.WriteByte('"')
	}
	if hasLang && !hasXMLLang && n.Namespace == "" {
		b.WriteString(` xml:lang="`)
		escapeXML(b, lang, true)
		b.WriteByte('"')
	}
	if (n.Namespace == "" && voidElements[name]) || (n.Namespace != "" && n.FirstChild == nil) {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeXHTML(b, c)
	}
	b.WriteString("</")
	b.WriteString(name)
	b.WriteByte('>')
}

// escapeXML writes s escaped for XML text or a double-quoted attribute,
// leaving out characters that XML 1.0 does not allow.
func escapeXML(b *bytes.Buffer, s string, inAttr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && inAttr:
			b.WriteString("&quot;")
		case (r == '\n' || r == '\t' || r == '\r') && inAttr:
			fmt.Fprintf(b, "&#%d;", r)
		case r == '\r':
			b.WriteString("&#13;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20, r == 0xFFFE, r == 0xFFFF:
			// not allowed in XML 1.0
		default:
			b.WriteRune(r)
		}
	}
}

// xmlText escapes s for XML text content.
func xmlText(s string) string {
	var b bytes.Buffer
	escapeXML(&b, s, true)
	return b.String()
}
