package markdown

import (
	"bytes"
	"html/template"
	"strings"

	meta "github.com/yuin/goldmark-meta"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/wareki"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Converter for the whole site.
type Options struct {
	// AllowHTML passes raw HTML through. When false (the default), raw HTML
	// blocks and inline HTML are escaped and shown as text.
	AllowHTML bool
	// FiscalYearEra names a fiscal year in which an era begins, for
	// [[fy:2019]]: 令和元年度 (wareki.NewEra, the default) or 平成31年度.
	FiscalYearEra wareki.Rule
	// RequireCaptions makes a table without a 表: caption an error; by
	// default it is labelled by the heading above it, with a warning.
	RequireCaptions bool
}

// Ruby is a piece of text returned by an Annotator: Base with its Reading,
// or plain text when Reading is "". Hidden marks a reading the page does
// not show (its furigana mode leaves it out): the piece renders as plain
// text, and the reading only feeds the converted text's Runs.
type Ruby struct {
	Base    string
	Reading string
	Hidden  bool
}

// Annotator adds automatic furigana. Annotate splits text into pieces whose
// bases, concatenated, equal text; a piece with a Reading is rendered as
// <ruby class="furi">. Pieces that do not add up to text are ignored.
type Annotator interface {
	Annotate(text string) []Ruby
}

// Term is a glossary term and the (relative) URL of its explanation.
type Term struct {
	Term string
	Href string
}

// Page is the context of one Convert or Inline call. Several calls for one
// page may share the Used map, one after another: Convert writes to it, so
// a Page must not be used by concurrent calls.
type Page struct {
	File string // source path used in errors
	Line int    // line in File where src starts, 1-based (0 means 1)

	// Resolve rewrites link and image destinations. It is called for every
	// destination except pure fragments (#…); an error becomes a build error
	// at the line of the link. nil keeps destinations as written.
	Resolve func(dest string) (href string, err error)

	Annotator Annotator // automatic furigana; nil = none
	// PhraseBreaks marks, in block Markdown (Convert), the likely phrase
	// (文節) starts of text written without spaces between phrases with
	// <wbr>, from the Annotator's pieces (see phraseStart); a theme sets
	// word-break: keep-all so that lines break only there. Off for texts
	// written with spaces between phrases (分かち書き, the easy variant).
	PhraseBreaks bool

	Terms []Term          // glossary terms to link
	Used  map[string]bool // terms already linked on this page; Convert adds to it

	HeadingBase int    // the level a # becomes; 0 means 2
	IDPrefix    string // prefix of heading ids; "" means "sec"
}

// Heading is a heading of the converted Markdown.
type Heading struct {
	Level int    // HTML level after the shift (2–6)
	ID    string // the id attribute, e.g. "sec-1-2"
	Text  string // plain text (ruby bases only)
}

// Result is converted Markdown.
type Result struct {
	HTML     []byte
	Headings []Heading
	Sections []Section // the text, cut at the top-level headings
	// Warnings are problems that do not stop the build (a table without a
	// caption), with the file and line.
	Warnings []*diag.Error
}

// Converter converts Markdown with the plansite extensions. It is built
// once by New and is safe for concurrent use.
type Converter struct {
	opts     Options
	document goldmark.Markdown // whole files: front matter skipped
	block    goldmark.Markdown // Markdown fields of YAML files: no front matter
	inline   goldmark.Markdown
}

// New returns a Converter.
func New(opts Options) *Converter {
	return &Converter{
		opts:     opts,
		document: newBlockMarkdown(opts, meta.Meta),
		block:    newBlockMarkdown(opts),
		inline:   newInlineMarkdown(opts),
	}
}

func rendererOptions(opts Options) []renderer.Option {
	// Priority 100 wins over goldmark's html renderer (1000) for the kinds
	// both register.
	return []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{allowHTML: opts.AllowHTML}, 100))}
}

func htmlOptions(opts Options) []renderer.Option {
	if opts.AllowHTML {
		return []renderer.Option{html.WithUnsafe()}
	}
	return nil
}

// newBlockMarkdown sets up goldmark for blocks of Markdown: CommonMark,
// GFM tables, the plansite extensions and the extra extensions given.
func newBlockMarkdown(opts Options, extra ...goldmark.Extender) goldmark.Markdown {
	m := goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{extension.Table}, extra...)...),
		goldmark.WithParserOptions(
			parser.WithInlineParsers(util.Prioritized(rubyParser{}, 600), util.Prioritized(warekiParser{opts.FiscalYearEra}, 150)),
			parser.WithASTTransformers(util.Prioritized(pageTransformer{block: true, requireCaptions: opts.RequireCaptions}, 1000)),
		),
		goldmark.WithRendererOptions(htmlOptions(opts)...),
	)
	m.Renderer().AddOptions(rendererOptions(opts)...)
	return m
}

// newInlineMarkdown sets up goldmark for one line of inline Markdown: the
// only block is the paragraph, which is rendered without <p>.
func newInlineMarkdown(opts Options) goldmark.Markdown {
	inlines := append(parser.DefaultInlineParsers(), util.Prioritized(rubyParser{}, 600), util.Prioritized(warekiParser{opts.FiscalYearEra}, 150))
	p := parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
		parser.WithInlineParsers(inlines...),
		parser.WithASTTransformers(util.Prioritized(pageTransformer{block: false}, 1000)),
	)
	m := goldmark.New(goldmark.WithParser(p), goldmark.WithRendererOptions(htmlOptions(opts)...))
	m.Renderer().AddOptions(rendererOptions(opts)...)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(bareParagraphRenderer{}, 50)))
	return m
}

// Convert converts block Markdown of one page: a text field of a YAML
// file, taken as it is (a first line "---" is a thematic break). The
// error is a diag.List of *diag.Error with p.File and the absolute line.
func (c *Converter) Convert(src []byte, p *Page) (Result, error) {
	return c.convert(c.block, src, p)
}

// ConvertFile converts a whole Markdown file: a YAML front matter block at
// its top is skipped (goldmark-meta consumes it; the plan package decodes
// it itself, strictly and with lines), so that error lines are file lines.
func (c *Converter) ConvertFile(src []byte, p *Page) (Result, error) {
	return c.convert(c.document, src, p)
}

// Warnings parses src for its warnings only (a table without a caption),
// without rendering it; file says that src is a whole file, as for
// ConvertFile.
func (c *Converter) Warnings(src []byte, p *Page, file bool) []*diag.Error {
	m := c.block
	if file {
		m = c.document
	}
	st, _ := parse(m, src, p)
	return st.warnings
}

func (c *Converter) convert(m goldmark.Markdown, src []byte, p *Page) (Result, error) {
	st, doc := parse(m, src, p)
	if err := st.errs.Err(); err != nil {
		return Result{}, err
	}
	var buf bytes.Buffer
	if err := m.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, err
	}
	return Result{HTML: buf.Bytes(), Headings: st.headings, Sections: collectSections(doc, src, headingBase(p)), Warnings: st.warnings}, nil
}

// Inline converts one line of inline Markdown (a title from YAML, say)
// without the <p> wrapper, and returns its text as runs. Headings, lists,
// tables and other blocks are not recognised: "1. はじめに" stays text.
func (c *Converter) Inline(src string, p *Page) (template.HTML, []Run, error) {
	b := []byte(src)
	st, doc := parse(c.inline, b, p)
	if err := st.errs.Err(); err != nil {
		return "", nil, err
	}
	var buf strings.Builder
	if err := c.inline.Renderer().Render(&buf, b, doc); err != nil {
		return "", nil, err
	}
	var runs []Run
	for _, s := range collectSections(doc, b, 0) {
		runs = append(runs, s.Runs...)
	}
	return template.HTML(strings.TrimRight(buf.String(), "\n")), runs, nil // #nosec G203 -- produced by the escaping renderer
}

// headingBase is the level a # becomes on page p.
func headingBase(p *Page) int {
	if p == nil || p.HeadingBase <= 0 {
		return 2
	}
	return p.HeadingBase
}

// parse parses src with a fresh per-call state in the parser context.
func parse(m goldmark.Markdown, src []byte, p *Page) (*state, ast.Node) {
	st := newState(src, p)
	pc := parser.NewContext()
	pc.Set(stateKey, st)
	doc := m.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	return st, doc
}
