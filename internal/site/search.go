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
		// The index is compact already: minifying it would only cost time.
		entry, err := search.WriteSharded(byVariant[ix.variant], ix.dir, b.opts.Workers, func(name string, data []byte) error {
			written = append(written, render.AssetsDir+ix.dir+name)
			return out.WriteRaw(render.AssetsDir+ix.dir+name, data)
		})
		if err == nil {
			err = out.WriteRaw(render.AssetsDir+ix.entry, entry)
		}
		if err != nil {
			return nil, err
		}
		written = append(written, render.AssetsDir+ix.entry)
	}
	return written, nil
}
