package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// pageTransformer runs the plansite AST steps in a fixed order. Ruby
// errors were already recorded by the inline parser.
type pageTransformer struct {
	block           bool // block Markdown (Convert) rather than one inline line
	requireCaptions bool // Options.RequireCaptions
}

// Transform implements parser.ASTTransformer.
func (t pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := getState(pc)
	source := reader.Source()
	checkNesting(doc, st)
	if t.block {
		shiftHeadings(doc, source, st)
		captionTables(doc, source, st, t.requireCaptions)
	}
	checkImages(doc, source, st, t.block)
	resolveLinks(doc, source, st)
	linkTerms(doc, source, st) // before furigana: term text still gets readings
	addFurigana(doc, source, st, t.block && st.page.PhraseBreaks)
	if t.block {
		labelStackedCells(doc, source) // after furigana: labels copy the headers' ruby
	}
}
