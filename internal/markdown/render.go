package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer renders the plansite nodes and overrides goldmark's
// renderers for text, images and (unless HTML is allowed) raw HTML.
type nodeRenderer struct{ allowHTML bool }

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindRuby, renderRuby)
	reg.Register(kindWareki, renderWareki)
	reg.Register(kindTermLink, renderTermLink)
	reg.Register(kindCaption, renderCaption)
	reg.Register(kindTableWrap, renderTableWrap)
	reg.Register(east.KindTable, renderTable)
	reg.Register(kindCellLabel, renderCellLabel)
	reg.Register(kindWbr, renderWbr)
	reg.Register(kindPicture, renderPicture)
	reg.Register(ast.KindText, renderText)
	reg.Register(ast.KindImage, imageRenderer{unsafe: r.allowHTML}.render)
	if !r.allowHTML {
		reg.Register(ast.KindRawHTML, renderRawHTMLEscaped)
		reg.Register(ast.KindHTMLBlock, renderHTMLBlockEscaped)
	}
}

// bareParagraphRenderer renders a paragraph without <p>, for Inline.
type bareParagraphRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (bareParagraphRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering && n.NextSibling() != nil {
			_ = w.WriteByte('\n')
		}
		return ast.WalkContinue, nil
	})
}
