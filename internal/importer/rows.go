package importer

import (
	"fmt"
	"strings"
)

// rowReader maps data rows one by one, remembering the groups and the
// departments above ("same as above").
type rowReader struct {
	res    *Measures
	cols   Columns
	pillar *Pillar
	dir    *Direction
	last   *Measure
	seen   map[int]int // measure number → its row
}

// rowCells are the cells of one row by role.
type rowCells struct {
	pillar, direction, number, title, description, departments string
}

func (r *rowReader) get(row []string, role Role) string {
	if j, ok := r.cols[role]; ok {
		return cell(row, j)
	}
	return ""
}

func (r *rowReader) cells(row []string) rowCells {
	return rowCells{
		pillar: r.get(row, RolePillar), direction: r.get(row, RoleDirection), number: r.get(row, RoleNumber),
		title: r.get(row, RoleTitle), description: r.get(row, RoleDescription), departments: r.get(row, RoleDepartments),
	}
}

func (r *rowReader) note(n int, format string, args ...any) {
	r.res.Notes = append(r.res.Notes, fmt.Sprintf("row %d: ", n)+fmt.Sprintf(format, args...))
}

func (r *rowReader) unmapped(n int, row []string, reason string) {
	r.res.Unmapped = append(r.res.Unmapped, RowNote{n, rowText(row), reason})
}

// row maps the data row number n.
func (r *rowReader) row(n int, row []string) {
	txt := rowText(row)
	switch {
	case txt == "":
		return
	case isHeaderRow(row):
		r.res.Skipped = append(r.res.Skipped, RowNote{n, txt, "repeated header"})
		return
	case onlyCell(row, isStamp):
		r.res.Skipped = append(r.res.Skipped, RowNote{n, txt, "stamp line"})
		return
	case onlyCell(row, pageRe.MatchString):
		r.res.Skipped = append(r.res.Skipped, RowNote{n, txt, "page number"})
		return
	}
	c := r.cells(row)
	lb, isMeasure := r.measureLabel(c)
	if !isMeasure && c.title != "" {
		if shifted, ok := r.realign(row); ok {
			r.note(n, "cells shifted; read %q as the measure", oneLine(shifted.title))
			c = shifted
			lb, isMeasure = r.measureLabel(c)
		}
	}
	if !r.groups(n, row, c) {
		return
	}
	switch {
	case isMeasure:
		r.measure(n, row, c, lb)
	case c.title != "" && c.description != "" && c.departments != "":
		r.unmapped(n, row, "the 施策名 "+oneLine(c.title)+" has no number (write it as \"12 "+oneLine(c.title)+"\" or 新)")
	case c.title != "" || c.description != "" || c.departments != "":
		r.continuation(n, row, c)
	case c.pillar == "" && c.direction == "":
		r.unmapped(n, row, "nothing in the mapped columns ("+r.cols.String()+")")
	}
}

// measureLabel reads the measure's number and title.
func (r *rowReader) measureLabel(c rowCells) (label, bool) {
	if _, ok := r.cols[RoleNumber]; ok {
		lb, ok := parseNumber(c.number)
		lb.Title = oneLine(c.title)
		return lb, ok && lb.Title != ""
	}
	lb, ok := parseLabel(oneLine(c.title))
	return lb, ok
}

// realign reads a row whose cells moved left or right: the rightmost
// numbered cell is the measure, the cells after it its description and
// departments, the numbered cells before it its groups.
func (r *rowReader) realign(row []string) (rowCells, bool) {
	var filled []int
	k := -1
	for j := range row {
		if cell(row, j) == "" {
			continue
		}
		filled = append(filled, j)
		if _, ok := parseLabel(cell(row, j)); ok {
			k = len(filled) - 1
		}
	}
	if k < 0 || k+1 >= len(filled) {
		return rowCells{}, false
	}
	c := rowCells{title: cell(row, filled[k]), description: cell(row, filled[k+1])}
	if k+2 < len(filled) {
		c.departments = cell(row, filled[k+2])
	}
	before := filled[:k]
	if len(before) > 0 {
		if _, ok := r.cols[RoleDirection]; ok {
			c.direction = cell(row, before[len(before)-1])
			before = before[:len(before)-1]
		}
	}
	if len(before) > 0 {
		c.pillar = cell(row, before[len(before)-1])
	}
	return c, true
}

// groups starts the pillar and direction a row names; false when the row
// cannot be placed.
func (r *rowReader) groups(n int, row []string, c rowCells) bool {
	if c.pillar != "" {
		lb, ok := parseLabel(oneLine(c.pillar))
		if !ok {
			lb = label{N: len(r.res.Pillars) + 1, Title: oneLine(c.pillar)}
			r.note(n, "基本施策 %q has no number: numbered %d", lb.Title, lb.N)
		}
		r.pillar = &Pillar{Number: lb.N, Title: lb.Title, Row: n}
		r.res.Pillars = append(r.res.Pillars, r.pillar)
		r.dir = nil
	}
	if c.direction != "" {
		if r.pillar == nil {
			r.unmapped(n, row, "a 施策の方向 before any 基本施策")
			return false
		}
		lb, ok := parseLabel(oneLine(c.direction))
		if !ok {
			lb = label{N: len(r.pillar.Directions) + 1, Title: oneLine(c.direction)}
			r.note(n, "施策の方向 %q has no number: numbered %d", lb.Title, lb.N)
		}
		r.unplace(n)
		r.dir = &Direction{Number: lb.N, Title: lb.Title, Row: n}
		r.pillar.Directions = append(r.pillar.Directions, r.dir)
	}
	return true
}

// unplace moves the measures placed directly in the pillar to the
// unmapped rows when its first direction starts in row n: a pillar has
// either directions or measures, so they would be lost on writing.
func (r *rowReader) unplace(n int) {
	for _, m := range r.pillar.Measures {
		r.res.Unmapped = append(r.res.Unmapped, RowNote{m.Row, oneLine(m.Title),
			fmt.Sprintf("a measure outside any 施策の方向 of a 基本施策 whose first 施策の方向 starts in row %d", n)})
		delete(r.seen, m.Number)
	}
	r.pillar.Measures = nil
}

func (r *rowReader) measure(n int, row []string, c rowCells, lb label) {
	if r.pillar == nil {
		r.unmapped(n, row, "a measure before any 基本施策")
		return
	}
	if prev, dup := r.seen[lb.N]; dup && !lb.New {
		r.unmapped(n, row, fmt.Sprintf("measure number %d is already used in row %d", lb.N, prev))
		return
	}
	m := &Measure{Number: lb.N, New: lb.New, Title: lb.Title, Row: n,
		Description: paragraphs(c.description), Departments: splitDepartments(c.departments)}
	if !lb.New {
		r.seen[lb.N] = n
	}
	if len(m.Departments) == 0 && r.last != nil && len(r.last.Departments) > 0 {
		m.Departments = r.last.Departments
		r.note(n, "no 担当課: the same as above (%s)", strings.Join(m.Departments, "、"))
	}
	if len(m.Departments) == 0 {
		r.unmapped(n, row, "no 担当課 in this row or above")
		return
	}
	if m.Description == "" {
		m.Description = m.Title
		r.note(n, "no 施策内容: the title is used as the description")
	}
	if r.dir == nil && len(r.pillar.Directions) > 0 {
		r.unmapped(n, row, "a measure outside any 施策の方向 of a 基本施策 that has them")
		return
	}
	if r.dir != nil {
		r.dir.Measures = append(r.dir.Measures, m)
	} else {
		r.pillar.Measures = append(r.pillar.Measures, m)
	}
	r.last = m
}

// continuation adds a row without a number to the measure above: a cell
// that went on into the next row (a page break inside a cell).
func (r *rowReader) continuation(n int, row []string, c rowCells) {
	if r.last == nil {
		r.unmapped(n, row, "text without a numbered measure above it")
		return
	}
	m := r.last
	if c.title != "" {
		m.Title += oneLine(c.title)
	}
	if c.description != "" {
		m.Description = paragraphs(m.Description + "\n" + c.description)
	}
	for _, d := range splitDepartments(c.departments) {
		if !contains(m.Departments, d) {
			m.Departments = append(m.Departments, d)
		}
	}
	r.note(n, "continues measure %s from the row above", numberText(m))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func numberText(m *Measure) string {
	if m.New {
		return newMark
	}
	return fmt.Sprint(m.Number)
}

// onlyCell reports whether row has a single non-empty cell, and match
// accepts it.
func onlyCell(row []string, match func(string) bool) bool {
	var only string
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" {
			if only != "" {
				return false
			}
			only = c
		}
	}
	return match(only)
}
