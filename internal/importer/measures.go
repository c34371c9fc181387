package importer

import (
	"fmt"
	"strings"
)

// Pillar, Direction and Measure are what an import found, before writing.
type (
	// Pillar is a 基本施策 with its directions or measures.
	Pillar struct {
		Number     int
		Title      string
		Row        int
		Directions []*Direction
		Measures   []*Measure
	}
	// Direction is a 施策の方向.
	Direction struct {
		Number   int
		Title    string
		Row      int
		Measures []*Measure
	}
	// Measure is one 施策.
	Measure struct {
		Number      int  // 0 with New
		New         bool // 新
		Title       string
		Description string
		Departments []string
		Row         int
	}
)

// RowNote is a row the import skipped or could not map, with why.
type RowNote struct {
	Row    int
	Text   string // the row's cells, joined, shortened
	Reason string
}

// Measures is the result of reading a measures table.
type Measures struct {
	Pillars  []*Pillar
	Columns  Columns
	Notes    []string  // how columns were chosen, what was filled in
	Skipped  []RowNote // header blocks, stamps, page numbers
	Unmapped []RowNote // rows that could not be mapped: nothing was written for them
}

// Count returns the numbers of directions, measures and distinct departments.
func (r *Measures) Count() (directions, measures, departments int) {
	seen := map[string]bool{}
	for _, p := range r.Pillars {
		directions += len(p.Directions)
		for _, m := range p.all() {
			measures++
			for _, d := range m.Departments {
				seen[d] = true
			}
		}
	}
	return directions, measures, len(seen)
}

func (p *Pillar) all() []*Measure {
	out := append([]*Measure(nil), p.Measures...)
	for _, d := range p.Directions {
		out = append(out, d.Measures...)
	}
	return out
}

// ReadMeasures maps the rows of a measures table. cols may be nil: the
// columns are then found from the header and the rows.
func ReadMeasures(t *Table, cols Columns) (*Measures, error) {
	res := &Measures{}
	first := firstDataRow(t.Rows)
	if first < 0 {
		return nil, fmt.Errorf("%s: no row with a numbered measure (like \"1 相談支援の充実\") was found", t.File)
	}
	if cols == nil {
		var err error
		cols, err = findColumns(t, first, res)
		if err != nil {
			return nil, err
		}
	}
	res.Columns = cols
	for i := 0; i < first; i++ {
		if txt := rowText(t.Rows[i]); txt != "" {
			res.Skipped = append(res.Skipped, RowNote{i + 1, txt, "header block"})
		}
	}
	r := &rowReader{res: res, cols: cols, seen: map[int]int{}}
	for i := first; i < len(t.Rows); i++ {
		r.row(i+1, t.Rows[i])
	}
	return res, nil
}

// firstDataRow returns the index of the first row with a numbered cell
// and at least one other cell, or -1.
func firstDataRow(rows [][]string) int {
	for i, row := range rows {
		if isHeaderRow(row) {
			continue
		}
		labels, filled := 0, 0
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				filled++
			}
			if _, ok := parseLabel(c); ok {
				labels++
			}
		}
		if labels > 0 && filled >= 2 {
			return i
		}
	}
	return -1
}

// cell returns cell i of row, trimmed; bytes that are not UTF-8 (a table
// saved in an encoding it does not declare) become U+FFFD.
func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.ToValidUTF8(strings.TrimSpace(row[i]), "\uFFFD")
}

// rowText is a row's cells for a report: joined by " | ", shortened.
func rowText(row []string) string {
	var parts []string
	for _, c := range row {
		if c = oneLine(c); c != "" {
			parts = append(parts, c)
		}
	}
	s := strings.Join(parts, " | ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}
