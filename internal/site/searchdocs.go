package site

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/search"
)

// searchIndexes makes the search index of each variant from its rendered
// pages (files[i] is pages[i]).
func (b *builder) searchIndexes(pages []*page, files []file) []file {
	per := make([][]search.Doc, len(pages))
	b.parallel(len(pages), func(i int) {
		if !skipSearch[pages[i].kind] {
			per[i] = b.searchDocs(pages[i], files[i].Data)
		}
	})
	docs := map[Variant][]search.Doc{}
	for i, pg := range pages {
		docs[pg.variant] = append(docs[pg.variant], per[i]...)
	}
	return []file{
		{Path: assetsDir + "search-index.js", Data: search.Index(docs[Standard])},
		{Path: assetsDir + "search-index-easy.js", Data: search.Index(docs[Easy])},
	}
}

// skipSearch lists the page kinds the search leaves out.
var skipSearch = map[string]bool{"notfound": true, "search": true, "results": true}

// searchDocs cuts a rendered page into search documents: one per measure
// (section.measure), chapter section (h2 with an id in .prose) and
// glossary term (dl.glossary > div), or the whole page when it has none.
// Text comes from the rendered HTML, without ruby readings (rt, rp), so
// the index holds exactly what readers see.
func (b *builder) searchDocs(pg *page, data []byte) []search.Doc {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	main := find(root, func(n *html.Node) bool { return n.Data == "main" })
	if main == nil {
		return nil
	}
	h1 := find(main, func(n *html.Node) bool { return n.Data == "h1" })
	title := visibleText(h1)
	url := strings.TrimPrefix(pg.path, EasyDir)
	var docs []search.Doc
	add := func(id, t, text string) {
		u := url
		if id != "" {
			u += "#" + id
		}
		docs = append(docs, search.Doc{URL: u, Title: t, Section: title, Text: text, Reading: b.reading(text)})
	}
	walkParts(main, add)
	if len(docs) == 0 {
		add("", title, visibleText(main))
	}
	return docs
}

// walkParts calls add for each searchable part of main.
func walkParts(main *html.Node, add func(id, title, text string)) {
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		switch {
		case hasClass(n, "measure") && attrOf(n, "id") != "":
			head := find(n, func(c *html.Node) bool { return hasClass(c, "measure__title") })
			add(attrOf(n, "id"), visibleText(head), visibleText(n))
			return
		case hasClass(n, "glossary"):
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && attrOf(c, "id") != "" {
					add(attrOf(c, "id"), visibleText(find(c, func(x *html.Node) bool { return x.Data == "dt" })), visibleText(c))
				}
			}
			return
		case hasClass(n, "prose"):
			proseSections(n, add)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(main)
}

// proseSections splits chapter prose at its h2 headings.
func proseSections(n *html.Node, add func(id, title, text string)) {
	var id, head string
	var text strings.Builder
	flush := func() {
		if id != "" {
			add(id, head, head+" "+text.String())
		}
		text.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "h2" && attrOf(c, "id") != "" {
			flush()
			id, head = attrOf(c, "id"), visibleText(c)
			continue
		}
		text.WriteString(visibleText(c))
		text.WriteByte(' ')
	}
	flush()
}

// reading is the hiragana reading of text, from the furigana analyzer.
func (b *builder) reading(text string) string {
	var sb strings.Builder
	for _, tk := range b.furigana().Annotate(text, furigana.Mode{All: true}) {
		if tk.Reading != "" {
			sb.WriteString(tk.Reading)
		} else {
			sb.WriteString(tk.Text)
		}
	}
	return sb.String()
}

func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, match); f != nil {
			return f
		}
	}
	return nil
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attrOf(n, "class")+" ", " "+class+" ")
}

// visibleText is the text of n as readers see it: ruby readings (rt, rp)
// left out, whitespace collapsed.
func visibleText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var sb strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "rt" || n.Data == "rp" || n.Data == "script") {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}
