package site

import (
	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/output"
	"github.com/plansite/plansite/internal/parallel"
	"github.com/plansite/plansite/internal/render"
	"github.com/plansite/plansite/internal/search"
)

// renderAll renders the pages in parallel and writes each into out as
// soon as it is made, or links it from the previous output when its key is
// the one prev recorded. It returns each page's search documents and
// records every page in next; the order follows the page list, so the
// result does not depend on scheduling.
func (b *builder) renderAll(pages []*render.Page, keys []string, prev, next *manifest, out *output.Folder) ([][]search.Record, error) {
	docs := make([][]search.Record, len(pages))
	recs := make([]pageRecord, len(pages))
	errs := make([]error, len(pages))
	b.parallel(len(pages), func(i int) {
		pg := pages[i]
		if r, ok := prev.Pages[pg.Path()]; ok && sameInputs(r.Key, keys[i]) && b.carry(out, pg.Path(), r.Size) {
			recs[i], docs[i] = r, prev.docs[pg.Path()]
			b.addCopies(r.Copies)
			b.carried.Add(1)
			return
		}
		res, err := b.r.Render(pg)
		if err != nil {
			errs[i] = err
			return
		}
		docs[i] = res.Records
		b.addCopies(res.Copies)
		var size int64
		size, errs[i] = out.Write(pg.Path(), res.HTML)
		recs[i] = pageRecord{Key: keys[i], Size: size, Copies: res.Copies}
	})
	var all diag.List
	for i, err := range errs {
		all.Add(err)
		next.Pages[pages[i].Path()] = recs[i]
	}
	return docs, dedupe(all).Err()
}

// parallel calls do(i) for i in [0, n) on the build's workers and waits.
// Each call writes only its own slot of a result slice, so the output does
// not depend on scheduling.
func (b *builder) parallel(n int, do func(i int)) {
	parallel.For(n, b.opts.Workers, do)
}

// dedupe drops repeated errors: a bad text shared by both variants or
// several pages is reported once.
func dedupe(l diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, e := range l {
		if !seen[e.Error()] {
			seen[e.Error()] = true
			out = append(out, e)
		}
	}
	return out
}
