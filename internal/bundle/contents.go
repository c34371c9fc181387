package bundle

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Entry is one line of an offline edition's table of contents: a page of
// the site, or a place on it, with a label. The caller makes the entries
// from the plan's structure (chapters, pillars, directions, measures), so
// the contents never list page furniture.
type Entry struct {
	Page     string  `json:"page"`     // site path, e.g. "easy/pillars/1.html"
	ID       string  `json:"id"`       // element id on that page; "" for the page itself
	Label    string  `json:"label"`    // HTML phrasing content; ruby is kept
	Children []Entry `json:"children"` // entries one level down
}

// tocEntries are the contents of the book: m.Contents where they point at
// its pages, else one entry per page, labelled by its h1.
func tocEntries(m Meta, pages []*page) []Entry {
	if len(m.Contents) > 0 {
		return m.Contents
	}
	out := make([]Entry, len(pages))
	for i, p := range pages {
		out[i] = Entry{Page: p.site, Label: htmlText(p.title)}
	}
	return out
}

func htmlText(s string) string {
	var b bytes.Buffer
	escapeXML(&b, s, false)
	return b.String()
}

// writeTOC writes entries as nested lists of links to the book's documents.
// Entries whose page is not in the book are left out with their children;
// an id that the page does not have falls back to the page.
func (l *linker) writeTOC(b *bytes.Buffer, entries []Entry, cov *coverage) {
	b.WriteString("<ol>\n")
	for _, e := range entries {
		p, ok := l.pages[e.Page]
		if !ok {
			continue
		}
		href := escapeIRI(p.out)
		if e.ID != "" && p.ids[e.ID] {
			href += "#" + escapeIRI(e.ID)
		}
		fmt.Fprintf(b, "<li><a href=\"%s\">", xmlText(href))
		l.writeLabel(b, e.Label, cov)
		b.WriteString("</a>")
		if len(e.Children) > 0 {
			b.WriteString("\n")
			l.writeTOC(b, e.Children, cov)
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n")
}

// writeLabel writes an HTML label as XHTML and counts its kanji.
func (l *linker) writeLabel(b *bytes.Buffer, label string, cov *coverage) {
	holder := labelNodes(label)
	if l.vertical {
		tateChuYoko(holder)
	}
	for n := holder.FirstChild; n != nil; n = n.NextSibling {
		cov.count(n, false)
		writeXHTML(b, n)
	}
}

// labelNodes parses a label as phrasing content into a holder element, and
// drops what a link label may not hold: ids (the documents own them),
// links and interactive or dropped elements.
func labelNodes(label string) *html.Node {
	ctx := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
	holder := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
	nodes, err := html.ParseFragment(strings.NewReader(label), ctx)
	if err != nil {
		nodes = []*html.Node{{Type: html.TextNode, Data: label}}
	}
	for _, n := range nodes {
		holder.AppendChild(n)
	}
	clean(holder)
	stripLabel(holder)
	return holder
}

func stripLabel(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			delAttr(c, "id")
			if c.DataAtom == atom.A {
				c = unwrapLink(c, next)
				continue
			}
			stripLabel(c)
		}
		c = next
	}
}
