package render

import (
	"strings"

	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/search"
)

// skipSearch lists the page kinds the search leaves out.
var skipSearch = map[string]bool{"notfound": true, "search": true, "results": true}

// searchDocs turns the parts a page recorded while it was made into search
// documents: one per measure, chapter section and glossary term, or one
// for the whole page when it has none. Text and readings come from the
// annotation that made the page's ruby; nothing is read back from HTML.
func searchDocs(pg *Page, title string, parts []searchPart) []search.Doc {
	url := strings.TrimPrefix(pg.path, EasyDir)
	var docs []search.Doc
	for _, p := range parts[1:] {
		docs = append(docs, search.Doc{URL: url + "#" + p.id, Title: plainRuns(p.title), Section: title, Runs: searchRuns(p.runs)})
	}
	if len(docs) == 0 && len(parts[0].runs) > 0 {
		docs = append(docs, search.Doc{URL: url, Title: title, Section: title, Runs: searchRuns(parts[0].runs)})
	}
	return docs
}

func searchRuns(runs []markdown.Run) []search.Run {
	out := make([]search.Run, len(runs))
	for i, r := range runs {
		out[i] = search.Run{Text: r.Text, Reading: r.Reading}
	}
	return out
}

// plainRuns is the text of runs without readings, spaces collapsed.
func plainRuns(runs []markdown.Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
