package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// resolveLinks passes every link destination except a pure fragment (#…)
// through Page.Resolve; a Resolve error is recorded at the link's line.
// Autolinks (<https://…>) are left as written.
func resolveLinks(doc ast.Node, st *state) {
	if st.page.Resolve == nil {
		return
	}
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		if len(l.Destination) == 0 || strings.HasPrefix(string(l.Destination), "#") {
			continue
		}
		resolve(l, &l.Destination, st)
	}
}
