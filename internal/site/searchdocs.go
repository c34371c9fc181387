package site

import (
	"github.com/plansite/plansite/internal/output"
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
func searchDocs(pg *page, title string, parts []searchPart) []search.Doc {
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

// searchIndexes names the index of each variant: its entry script and
// the folder of its shards, both under assets/.
var searchIndexes = []struct {
	variant Variant
	entry   string
	dir     string // relative to assets/
}{
	{Standard, "search-index.js", "search/std/"},
	{Easy, "search-index-easy.js", "search/easy/"},
}

// writeSearch writes the sharded search index of each variant and returns
// the files it wrote.
func (b *builder) writeSearch(out *output.Folder, pages []*page, docs [][]search.Record) ([]string, error) {
	byVariant := map[Variant][]search.Record{}
	for i, pg := range pages {
		byVariant[pg.variant] = append(byVariant[pg.variant], docs[i]...)
	}
	var written []string
	for _, ix := range searchIndexes {
		entry, files := search.Sharded(byVariant[ix.variant], ix.dir)
		// The index is compact already: minifying it would only cost time.
		if err := out.WriteRaw(assetsDir+ix.entry, entry); err != nil {
			return nil, err
		}
		written = append(written, assetsDir+ix.entry)
		for _, f := range files {
			p := assetsDir + ix.dir + f.Name
			if err := out.WriteRaw(p, f.Data); err != nil {
				return nil, err
			}
			written = append(written, p)
		}
	}
	return written, nil
}
