package site

import (
	"bytes"
	"net/url"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// doc is a parsed output page.
type doc struct {
	path string
	root *html.Node
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func elements(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	walk(n, func(e *html.Node) {
		if e.Data == tag {
			out = append(out, e)
		}
	})
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// TestMarkupRules checks on every page of the sample, in both variants,
// the rules the issue sets for screen-reader friendly markup.
func TestMarkupRules(t *testing.T) {
	dest, _ := buildSample(t, true)
	files := readTree(t, dest)
	docs := map[string]*doc{}
	for p, data := range files {
		if strings.HasSuffix(p, ".html") {
			root, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			docs[p] = &doc{p, root}
		}
	}
	if len(docs) < 30 {
		t.Fatalf("only %d pages", len(docs))
	}
	titles := map[string]string{}
	for p, d := range docs {
		checkPage(t, d)
		checkLinks(t, d, files, docs)
		title := textOf(elements(d.root, "title")[0])
		if prev, ok := titles[title]; ok {
			t.Errorf("%s and %s share the title %q", p, prev, title)
		}
		titles[title] = p
	}
}

func checkPage(t *testing.T, d *doc) {
	t.Helper()
	htmlEl := elements(d.root, "html")[0]
	if lang, _ := attr(htmlEl, "lang"); lang != "ja" {
		t.Errorf("%s: lang=%q", d.path, lang)
	}
	for _, tag := range []string{"header", "nav", "main", "footer"} {
		if len(elements(d.root, tag)) == 0 {
			t.Errorf("%s: no <%s> landmark", d.path, tag)
		}
	}
	if n := len(elements(d.root, "h1")); n != 1 {
		t.Errorf("%s: %d h1 elements", d.path, n)
	}
	checkHeadings(t, d)
	skip := elements(d.root, "a")[0]
	if href, _ := attr(skip, "href"); href != "#main" {
		t.Errorf("%s: first link is %q, not the skip link", d.path, href)
	}
	for _, tbl := range elements(d.root, "table") {
		if len(elements(tbl, "caption")) != 1 {
			t.Errorf("%s: table without caption", d.path)
		}
		for _, th := range elements(tbl, "th") {
			if _, ok := attr(th, "scope"); !ok {
				t.Errorf("%s: th %q without scope", d.path, textOf(th))
			}
		}
	}
	for _, img := range elements(d.root, "img") {
		if alt, _ := attr(img, "alt"); strings.TrimSpace(alt) == "" {
			t.Errorf("%s: img without alt", d.path)
		}
	}
	crumbs := 0
	walk(d.root, func(n *html.Node) {
		if v, _ := attr(n, "aria-current"); v == "page" {
			crumbs++
		}
	})
	if crumbs == 0 && d.path != "404.html" && d.path != "easy/404.html" {
		t.Errorf("%s: nothing marked aria-current", d.path)
	}
}

func checkHeadings(t *testing.T, d *doc) {
	t.Helper()
	last := 0
	walk(d.root, func(n *html.Node) {
		if len(n.Data) != 2 || n.Data[0] != 'h' || n.Data[1] < '1' || n.Data[1] > '6' {
			return
		}
		level := int(n.Data[1] - '0')
		if level > last+1 {
			t.Errorf("%s: h%d after h%d (%q)", d.path, level, last, textOf(n))
		}
		last = level
	})
}

// checkLinks checks that every link and resource is relative and points to
// a file of the output, and every fragment to an id on the target page.
func checkLinks(t *testing.T, d *doc, files map[string][]byte, docs map[string]*doc) {
	t.Helper()
	walk(d.root, func(n *html.Node) {
		for _, key := range []string{"href", "src"} {
			v, ok := attr(n, key)
			if !ok || strings.HasPrefix(v, "mailto:") || strings.HasPrefix(v, "tel:") {
				continue
			}
			if n.Data == "link" && key == "href" {
				if r, _ := attr(n, "rel"); r == "canonical" {
					continue
				}
			}
			if strings.HasPrefix(v, "http") {
				continue
			}
			if strings.HasPrefix(v, "/") {
				t.Errorf("%s: absolute link %q", d.path, v)
				continue
			}
			checkTarget(t, d, v, files, docs)
		}
	})
}

func checkTarget(t *testing.T, d *doc, v string, files map[string][]byte, docs map[string]*doc) {
	t.Helper()
	u, err := url.Parse(v)
	if err != nil {
		t.Errorf("%s: bad URL %q", d.path, v)
		return
	}
	target := d.path
	if u.Path != "" {
		target = path.Clean(path.Join(path.Dir(d.path), u.Path))
	}
	if _, ok := files[target]; !ok {
		t.Errorf("%s: link %q to missing %s", d.path, v, target)
		return
	}
	if u.Fragment == "" || docs[target] == nil {
		return
	}
	found := false
	walk(docs[target].root, func(n *html.Node) {
		if id, _ := attr(n, "id"); id == u.Fragment {
			found = true
		}
	})
	if !found {
		t.Errorf("%s: link %q: no id %q in %s", d.path, v, u.Fragment, target)
	}
}
