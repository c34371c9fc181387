package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/plansite/plansite/internal/chars"
)

// pictoScheme marks a pictogram destination: ![相談](picto:soudan).
const pictoScheme = "picto:"

var kindPicture = ast.NewNodeKind("Picture")

// pictureNode is a pictogram beside a paragraph: its first child is the
// image, its second (optional) child the paragraph.
type pictureNode struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *pictureNode) Kind() ast.NodeKind { return kindPicture }

// Dump implements ast.Node.
func (n *pictureNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// checkImages requires alt text on every image, passes destinations through
// Page.Resolve and, in block Markdown, turns a paragraph that starts with a
// picto: image into a picture beside the text.
func checkImages(doc ast.Node, source []byte, st *state, block bool) {
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		if chars.IsBlank(plainText(img, source)) {
			st.errorNode(img, "image without alt text", "write ![説明](file)")
		}
		picto := strings.HasPrefix(string(img.Destination), pictoScheme)
		resolve(img, &img.Destination, st)
		if picto && block {
			besideParagraph(img, source)
		}
	}
}

// resolve rewrites *dest with Page.Resolve; an error is recorded at n.
func resolve(n ast.Node, dest *[]byte, st *state) {
	if !checkScheme(n, string(*dest), st) || st.page.Resolve == nil {
		return
	}
	href, err := st.page.Resolve(string(*dest))
	if err != nil {
		st.wrapError(n, err)
		return
	}
	*dest = []byte(href)
}

// besideParagraph turns the paragraph that starts with img into a picture
// node; an image elsewhere is left where it is.
func besideParagraph(img *ast.Image, source []byte) {
	para, ok := img.Parent().(*ast.Paragraph)
	if !ok || para.FirstChild() != img {
		return
	}
	img.SetAttributeString("width", []byte("64"))
	img.SetAttributeString("height", []byte("64"))
	pic := &pictureNode{}
	pic.SetPos(para.Pos())
	para.Parent().ReplaceChild(para.Parent(), para, pic)
	pic.AppendChild(pic, img)
	trimLeadingSpace(para, source)
	if para.HasChildren() {
		pic.AppendChild(pic, para)
	}
}

// trimLeadingSpace drops the spaces or line break that separated the
// picture from the text of para.
func trimLeadingSpace(para ast.Node, source []byte) {
	for {
		t, ok := para.FirstChild().(*ast.Text)
		if !ok {
			return
		}
		t.Segment = t.Segment.TrimLeftSpace(source)
		if t.Segment.Len() > 0 {
			return
		}
		para.RemoveChild(para, t)
	}
}

func renderPicture(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="with-picture">`)
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// imageRenderer writes <img> with the alt text as plain text (ruby reduced
// to its base).
type imageRenderer struct{ unsafe bool }

func (r imageRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	dest := util.URLEscape(n.Destination, true)
	if r.unsafe || !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_, _ = w.WriteString(`" alt="`)
	writeEscaped(w, plainText(n, source))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ImageAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}
