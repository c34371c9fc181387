package importer

import (
	"fmt"
	"io"
)

// Report prints what was read and written: the encoding, the columns,
// the counts, every note, skipped row and unmapped row with its number.
func (r *Measures) Report(w io.Writer, t *Table, written []string) {
	fmt.Fprintf(w, "read %s (%s", t.File, t.Encoding)
	if t.Sheet != "" {
		fmt.Fprintf(w, ", sheet %q", t.Sheet)
	}
	fmt.Fprintf(w, "), columns %s\n", r.Columns)
	dirs, measures, depts := r.Count()
	fmt.Fprintf(w, "found %d pillars, %d directions, %d measures, %d departments\n", len(r.Pillars), dirs, measures, depts)
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "skipped row %d (%s): %s\n", s.Row, s.Reason, s.Text)
	}
	for _, p := range written {
		fmt.Fprintf(w, "wrote %s\n", p)
	}
	for _, u := range r.Unmapped {
		fmt.Fprintf(w, "not mapped: row %d: %s: %s\n", u.Row, u.Reason, u.Text)
	}
	fmt.Fprintf(w, "%d rows not mapped\n", len(r.Unmapped))
}
