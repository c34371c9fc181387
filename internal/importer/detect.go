package importer

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// colStat profiles one column over the data rows.
type colStat struct {
	filled  int // non-empty cells
	labels  int // numbered cells: "1 …"
	numbers int // bare numbers or 新
	runes   int // total length
}

func (s colStat) meanLen() int {
	if s.filled == 0 {
		return 0
	}
	return s.runes / s.filled
}

// findColumns maps the columns from the header rows above first and checks
// the mapping against the data: the column with the numbered measures is
// 施策名 even when the header above it is shifted.
func findColumns(t *Table, first int, res *Measures) (Columns, error) {
	header := headerColumns(t.Rows[:first])
	stats := profile(t.Rows[first:])
	cols := Columns{}
	title, number := titleColumn(header, stats)
	if title < 0 {
		return nil, fmt.Errorf("%s: no column holds numbered measures; name the columns with --columns title=C,…", t.File)
	}
	cols[RoleTitle] = title
	if h, ok := header[RoleTitle]; ok && h != title {
		res.Notes = append(res.Notes, fmt.Sprintf("the header %s is over column %s, but the numbered measures are in column %s: reading %s as 施策名",
			"施策名", columnName(h), columnName(title), columnName(title)))
	}
	left := title
	if number >= 0 {
		cols[RoleNumber] = number
		left = min(left, number)
	}
	var groups []int
	for j := 0; j < left; j++ {
		if stats[j].labels > 0 {
			groups = append(groups, j)
		}
	}
	switch len(groups) {
	case 0:
		return nil, fmt.Errorf("%s: no column left of 施策名 holds numbered groups (基本施策); name the columns with --columns pillar=A,title=C,…", t.File)
	case 1:
		cols[RolePillar] = groups[0]
	default:
		cols[RolePillar], cols[RoleDirection] = groups[0], groups[len(groups)-1]
		if len(groups) > 2 {
			res.Notes = append(res.Notes, fmt.Sprintf("%d group columns: using %s as 基本施策 and %s as 施策の方向", len(groups), columnName(groups[0]), columnName(groups[len(groups)-1])))
		}
	}
	right := func(role Role, longest bool) {
		if h, ok := header[role]; ok && h > title && h < len(stats) && stats[h].filled > 0 && !taken(cols, h) {
			cols[role] = h
			return
		}
		if j := bestRight(stats, title, cols, longest); j >= 0 {
			cols[role] = j
		}
	}
	right(RoleDescription, true)
	right(RoleDepartments, false)
	return cols, nil
}

// headerColumns maps roles from the header rows; a lower row wins.
func headerColumns(rows [][]string) Columns {
	out := Columns{}
	for _, row := range rows {
		for j, c := range row {
			if r, ok := headerRole(c); ok {
				out[r] = j
			}
		}
	}
	return out
}

func profile(rows [][]string) []colStat {
	var stats []colStat
	for _, row := range rows {
		if isHeaderRow(row) {
			continue
		}
		for len(stats) < len(row) {
			stats = append(stats, colStat{})
		}
		for j := range row {
			c := cell(row, j)
			if c == "" {
				continue
			}
			s := &stats[j]
			s.filled++
			s.runes += utf8.RuneCountInString(c)
			if _, ok := parseLabel(c); ok {
				s.labels++
			}
			if _, ok := parseNumber(c); ok {
				s.numbers++
			}
		}
	}
	return stats
}

// titleColumn picks the 施策名 column and a separate number column (-1
// when the titles carry their numbers).
func titleColumn(header Columns, stats []colStat) (title, number int) {
	if n, ok := header[RoleNumber]; ok && n < len(stats) && stats[n].numbers*2 >= stats[n].filled && stats[n].filled > 0 {
		if t, ok := header[RoleTitle]; ok && t != n {
			return t, n
		}
		return n + 1, n
	}
	best := -1
	for j, s := range stats {
		if s.labels > 0 && (best < 0 || s.labels > stats[best].labels) {
			best = j
		}
	}
	if t, ok := header[RoleTitle]; ok && best >= 0 && t < len(stats) && stats[t].labels == stats[best].labels {
		return t, -1
	}
	return best, -1
}

func taken(cols Columns, j int) bool {
	for _, c := range cols {
		if c == j {
			return true
		}
	}
	return false
}

// bestRight returns the free filled column right of title with the
// longest cells, or else the rightmost one.
func bestRight(stats []colStat, title int, cols Columns, longest bool) int {
	var free []int
	for j := title + 1; j < len(stats); j++ {
		if stats[j].filled > 0 && !taken(cols, j) {
			free = append(free, j)
		}
	}
	if len(free) == 0 {
		return -1
	}
	if longest {
		sort.SliceStable(free, func(a, b int) bool { return stats[free[a]].meanLen() > stats[free[b]].meanLen() })
		return free[0]
	}
	return free[len(free)-1]
}
