package site

import (
	"fmt"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
)

// MarkdownWarnings parses every block of Markdown of the plan (chapters,
// summaries, descriptions, their easy versions) for its warnings only,
// such as a table without a caption, in file order. Errors are left to the
// build, which reports them with the page.
func MarkdownWarnings(s *plan.Site) []*diag.Error {
	opts := markdownOptions(s)
	opts.RequireCaptions = false // warnings, not errors
	md := markdown.New(opts)
	var out []*diag.Error
	seen := map[string]bool{}
	for _, src := range markdownBlocks(s) {
		for _, w := range md.Warnings([]byte(src.text), &markdown.Page{File: src.file, Line: src.line}, src.whole) {
			if !seen[w.Error()] {
				seen[w.Error()] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// mdBlock is a block of Markdown and where it starts.
type mdBlock struct {
	file  string
	line  int
	text  string
	whole bool // a whole file, with front matter
}

// markdownBlocks lists the plan's block Markdown texts.
func markdownBlocks(s *plan.Site) []mdBlock {
	var out []mdBlock
	for _, c := range s.Chapters {
		out = append(out, mdBlock{c.File, 1, string(c.Body), true})
		if c.Easy != nil {
			out = append(out, mdBlock{c.Easy.File, 1, string(c.Easy.Body), true})
		}
	}
	easy := func(file string, line int, e *plan.EasyText) {
		if e != nil {
			out = append(out, mdBlock{file, e.BodyLine(line), e.Body(), false})
		}
	}
	for _, p := range s.Pillars {
		out = append(out, mdBlock{p.File, p.Lines.At("summary", p.Line), p.Summary, false})
		easy(p.File, p.Line, p.Easy)
		for _, d := range p.Directions {
			out = append(out, mdBlock{p.File, d.Lines.At("summary", d.Line), d.Summary, false})
			easy(p.File, d.Line, d.Easy)
		}
		for _, m := range p.AllMeasures() {
			out = append(out, mdBlock{m.File, m.Lines.At("description", m.Line), m.Description, false})
			easy(m.File, m.Line, m.Easy)
		}
	}
	return out
}

// printWarnings writes warnings to the build's warning output and returns
// how many there were.
func (b *builder) printWarnings(ws []string) int {
	if b.opts.Warnings != nil {
		for _, w := range ws {
			fmt.Fprintf(b.opts.Warnings, "warning: %s\n", w)
		}
	}
	return len(ws)
}

// markdownWarnings prints the plan's Markdown warnings (see
// MarkdownWarnings): the previous build's when no input changed (key is
// the hash of every page's inputs), so that a build with nothing to do
// parses no Markdown. With require_captions the render stage reports them
// as errors instead.
func (b *builder) markdownWarnings(prev, next *manifest, key string) {
	if b.site.RequireCaptions {
		return
	}
	ws := prev.Warnings
	if prev.WarningsKey != key {
		ws = nil
		for _, w := range MarkdownWarnings(b.site) {
			ws = append(ws, w.Error())
		}
	}
	next.Warnings, next.WarningsKey = ws, key
	b.mdWarnings = b.printWarnings(ws)
}
