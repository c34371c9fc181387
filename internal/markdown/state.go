package markdown

import (
	"errors"
	"sort"

	"github.com/plansite/plansite/internal/diag"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// stateKey holds the *state of one Convert or Inline call in the goldmark
// parser context, so that the shared parser and transformers stay stateless.
var stateKey = parser.NewContextKey()

// state is what one call knows and collects: the page, the source, the
// errors found while parsing and the headings.
type state struct {
	page       *Page
	src        []byte
	lineStarts []int // byte offsets where lines begin
	errs       diag.List
	warnings   []*diag.Error
	headings   []Heading
}

func newState(src []byte, p *Page) *state {
	if p == nil {
		p = &Page{}
	}
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &state{page: p, src: src, lineStarts: starts}
}

// getState returns the state of the current call.
func getState(pc parser.Context) *state {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil { // parser used outside Convert; collect and discard
		st = newState(nil, nil)
		pc.Set(stateKey, st)
	}
	return st
}

// line returns the absolute 1-based line in the page's file of a byte offset in src.
func (s *state) line(offset int) int {
	first := s.page.Line
	if first < 1 {
		first = 1
	}
	i := sort.SearchInts(s.lineStarts, offset+1) - 1
	return first + max(i, 0)
}

// errorAt records an error at a byte offset of src.
func (s *state) errorAt(offset int, msg, hint string) {
	s.errs.Add(diag.New(s.page.File, s.line(offset), msg, hint))
}

// errorNode records an error at the line of a node.
func (s *state) errorNode(n ast.Node, msg, hint string) {
	s.errorAt(offsetOf(n), msg, hint)
}

// warnNode records a warning at the line of a node.
func (s *state) warnNode(n ast.Node, msg, hint string) {
	s.warnings = append(s.warnings, diag.New(s.page.File, s.line(offsetOf(n)), msg, hint))
}

// wrapError records err (from Page.Resolve) at the line of n, keeping its
// message and hint when it is already a *diag.Error.
func (s *state) wrapError(n ast.Node, err error) {
	e := diag.New(s.page.File, s.line(offsetOf(n)), err.Error(), "")
	var de *diag.Error
	if errors.As(err, &de) {
		e.Msg, e.Hint = de.Msg, de.Hint
	}
	e.Err = err
	s.errs.Add(e)
}

// offsetOf returns the byte offset in the source where n (or, failing that,
// its nearest ancestor with a known position) starts.
func offsetOf(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
		if p := n.Pos(); p >= 0 {
			return p
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}
