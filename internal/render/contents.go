package render

import (
	"html"

	"github.com/plansite/plansite/internal/bundle"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/ruby"
)

// Edition is what an offline edition (EPUB, PDF) of one variant needs to
// know of the pages.
type Edition struct {
	Folder   string         // the variant's folder: "" or EasyDir
	Title    string         // the plan's title as the variant names it, plain text
	Heading  string         // the heading of the table of contents, with readings where the variant's pages have them
	Contents []bundle.Entry // the table of contents
	Printed  []string       // the pages a printed edition holds, in reading order: home, chapters, pillars, glossary and contact
}

// Edition describes the offline edition of variant v.
func (r *Renderer) Edition(v Variant) Edition {
	e := Edition{Folder: variantPath("", v), Title: ruby.Plain(r.siteTitle(v)), Heading: label("contents", v), Contents: r.contents(v)}
	if m := r.mode(v, ""); m.on {
		e.Heading = string(r.newText(&Page{path: variantPath(homePath, v), variant: v, mode: m}).label(e.Heading))
	}
	e.Printed = []string{variantPath(homePath, v)}
	for _, c := range r.site.Chapters {
		e.Printed = append(e.Printed, variantPath(chapterPath(c.Slug), v))
	}
	for _, p := range r.site.Pillars {
		e.Printed = append(e.Printed, variantPath(pillarPath(p.Number), v))
	}
	if len(r.site.Glossary) > 0 {
		e.Printed = append(e.Printed, variantPath(glossaryPath, v))
	}
	e.Printed = append(e.Printed, variantPath(contactPath, v))
	return e
}

// contents is the table of contents of the offline editions of variant v,
// made from the plan's structure: the home page, the chapters, the
// pillars with their directions and measures (or their measures when they
// have no directions), then the reference pages. Labels carry furigana as
// the variant's pages do; page furniture (downloads, the terms of a page)
// is never an entry.
func (r *Renderer) contents(v Variant) []bundle.Entry {
	pg := &Page{kind: "contents", path: variantPath(homePath, v), std: homePath, variant: v, mode: r.mode(v, "")}
	c := contentsText{t: r.newText(pg), v: v, plain: !pg.mode.on}
	out := []bundle.Entry{c.entry(homePath, "", siteFile, 1, r.siteTitle(v))}
	for i, ch := range r.site.Chapters {
		src, _ := chapterText(ch, v)
		out = append(out, c.entry(chapterPath(ch.Slug), "", src.File, 2, "第"+itoa(i+1)+"章　"+src.Front.Title))
	}
	for _, p := range r.site.Pillars {
		out = append(out, c.pillar(p))
	}
	for _, key := range []string{"measures", "departments", "glossary", "contact"} {
		if key == "glossary" && len(r.site.Glossary) == 0 {
			continue
		}
		out = append(out, c.entry(referencePaths[key], "", "", 0, label(key, v)))
	}
	return out
}

// referencePaths are the pages after the pillars, by label key.
var referencePaths = map[string]string{
	"measures": measuresPath, "departments": departmentsPath, "glossary": glossaryPath, "contact": contactPath,
}

// contentsText renders the labels of the contents in one variant.
type contentsText struct {
	t     *text
	v     Variant
	plain bool // the variant's pages start with furigana off: labels without readings
}

func (c contentsText) entry(std, id, file string, line int, src string) bundle.Entry {
	e := bundle.Entry{Page: variantPath(std, c.v), ID: id}
	if c.plain {
		e.Label = html.EscapeString(ruby.Plain(src))
	} else {
		e.Label = string(c.t.inline(file, line, src))
	}
	return e
}

func (c contentsText) pillar(p *plan.Pillar) bundle.Entry {
	std := pillarPath(p.Number)
	title, _ := pick(c.v, p.Title, easyTitle(p.Easy))
	e := c.entry(std, "", p.File, p.Line, label("pillar", c.v)+itoa(p.Number)+"　"+title)
	for _, d := range p.Directions {
		dt, _ := pick(c.v, d.Title, easyTitle(d.Easy))
		de := c.entry(std, directionID(p, d), p.File, d.Line, label("direction", c.v)+itoa(d.Number)+"　"+dt)
		de.Children = c.measures(std, d.Measures)
		e.Children = append(e.Children, de)
	}
	e.Children = append(e.Children, c.measures(std, p.Measures)...)
	return e
}

func (c contentsText) measures(std string, ms []*plan.Measure) []bundle.Entry {
	var out []bundle.Entry
	for _, m := range ms {
		title, _ := pick(c.v, m.Title, easyTitle(m.Easy))
		out = append(out, c.entry(std, m.ID, m.File, m.Line, label("measure", c.v)+m.Number.String()+"　"+title))
	}
	return out
}
