package site

import (
	"crypto/sha256"
	"fmt"

	"github.com/plansite/plansite/internal/render"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
)

// MarkdownWarnings parses every block of Markdown of the plan (chapters,
// summaries, descriptions, their easy versions) for its warnings only,
// such as a table without a caption, in file order. Errors are left to the
// build, which reports them with the page.
func MarkdownWarnings(s *plan.Site) []*diag.Error {
	md := warningsConverter(s)
	var out []*diag.Error
	seen := map[string]bool{}
	for _, src := range markdownBlocks(s) {
		for _, w := range src.warnings(md) {
			if !seen[w.Error()] {
				seen[w.Error()] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// warningsConverter is the Markdown converter of the site for warnings.
func warningsConverter(s *plan.Site) *markdown.Converter {
	opts := render.MarkdownOptions(s)
	opts.RequireCaptions = false // warnings, not errors
	return markdown.New(opts)
}

func (src mdBlock) warnings(md *markdown.Converter) []*diag.Error {
	return md.Warnings(src.text, &markdown.Page{File: src.file, Line: src.line}, src.whole)
}

// key identifies the block's warnings under the site's options (global
// is the build's global key, which covers them). A whole file is known
// by the sum of its bytes, not hashed again.
func (src mdBlock) key(global string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00%t\x00", global, src.file, src.line, src.whole)
	if src.whole {
		h.Write(src.sum[:])
	} else {
		h.Write(src.text)
	}
	return string(h.Sum(nil))
}

// mdBlock is a block of Markdown and where it starts.
type mdBlock struct {
	file  string
	line  int
	text  []byte
	whole bool     // a whole file, with front matter
	sum   [32]byte // a whole file's: the SHA-256 of its bytes
}

// markdownBlocks lists the plan's block Markdown texts.
func markdownBlocks(s *plan.Site) []mdBlock {
	var out []mdBlock
	for _, c := range s.Chapters {
		out = append(out, mdBlock{file: c.File, line: 1, text: c.Body, whole: true, sum: c.Sum})
		if c.Easy != nil {
			out = append(out, mdBlock{file: c.Easy.File, line: 1, text: c.Easy.Body, whole: true, sum: c.Easy.Sum})
		}
	}
	part := func(file string, line int, text string) {
		out = append(out, mdBlock{file: file, line: line, text: []byte(text)})
	}
	easy := func(file string, line int, e *plan.EasyText) {
		if e != nil {
			part(file, e.BodyLine(line), e.Body())
		}
	}
	for _, p := range s.Pillars {
		part(p.File, p.Lines.At("summary", p.Line), p.Summary)
		easy(p.File, p.Line, p.Easy)
		for _, d := range p.Directions {
			part(p.File, d.Lines.At("summary", d.Line), d.Summary)
			easy(p.File, d.Line, d.Easy)
		}
		for _, m := range p.AllMeasures() {
			part(m.File, m.Lines.At("description", m.Line), m.Description)
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
// MarkdownWarnings). Each block's warnings are kept in the manifest, so a
// build parses only the blocks that changed since the previous one, and a
// build with nothing to do parses no Markdown. With require_captions the
// render stage reports them as errors instead.
func (b *builder) markdownWarnings(prev, next *manifest, global string) {
	if b.site.RequireCaptions {
		return
	}
	var md *markdown.Converter
	var ws []string
	seen := map[string]bool{}
	next.Warnings = map[string][]string{}
	for _, src := range markdownBlocks(b.site) {
		k := src.key(global)
		bw, ok := prev.Warnings[k]
		if !ok {
			if md == nil {
				md = warningsConverter(b.site)
			}
			bw = []string{}
			for _, w := range src.warnings(md) {
				bw = append(bw, w.Error())
			}
		}
		next.Warnings[k] = bw
		for _, w := range bw {
			if !seen[w] {
				seen[w] = true
				ws = append(ws, w)
			}
		}
	}
	b.mdWarnings = b.printWarnings(ws)
}
