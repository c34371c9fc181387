package site

import (
	"github.com/plansite/plansite/internal/output"
	"github.com/plansite/plansite/internal/render"
	"github.com/plansite/plansite/internal/search"
)

// searchIndexes names the index of each variant: its entry script and
// the folder of its shards, both under assets/.
var searchIndexes = []struct {
	variant render.Variant
	entry   string
	dir     string // relative to assets/
}{
	{render.Standard, "search-index.js", "search/std/"},
	{render.Easy, "search-index-easy.js", "search/easy/"},
}

// writeSearch writes the sharded search index of each variant and returns
// the files it wrote.
func (b *builder) writeSearch(out *output.Folder, pages []*render.Page, docs [][]search.Record) ([]string, error) {
	byVariant := map[render.Variant][]search.Record{}
	for i, pg := range pages {
		byVariant[pg.Variant()] = append(byVariant[pg.Variant()], docs[i]...)
	}
	var written []string
	for _, ix := range searchIndexes {
		entry, files := search.Sharded(byVariant[ix.variant], ix.dir)
		// The index is compact already: minifying it would only cost time.
		if err := out.WriteRaw(render.AssetsDir+ix.entry, entry); err != nil {
			return nil, err
		}
		written = append(written, render.AssetsDir+ix.entry)
		for _, f := range files {
			p := render.AssetsDir + ix.dir + f.Name
			if err := out.WriteRaw(p, f.Data); err != nil {
				return nil, err
			}
			written = append(written, p)
		}
	}
	return written, nil
}
