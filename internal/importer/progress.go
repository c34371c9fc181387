package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/wareki"
)

// The roles of a progress table's columns; other columns whose header is
// a target's indicator hold that target's values.
const (
	progNumber     Role = "number"
	progFY         Role = "fy"
	progStatus     Role = "status"
	progEvaluation Role = "evaluation"
	progValue      Role = "value"
)

// progressRoles are the header names of a progress table.
var progressRoles = []struct {
	role  Role
	names []string
}{
	{progNumber, []string{"施策番号", "事業番号", "番号", "No", "No.", "NO", "№"}},
	{progFY, []string{"年度", "対象年度", "実施年度"}},
	{progStatus, []string{"進捗状況", "進捗", "状況", "達成状況", "評価区分", "実施状況"}},
	{progEvaluation, []string{"評価", "評価内容", "取組状況", "取組内容", "実施内容", "コメント", "説明"}},
	{progValue, []string{"実績値", "実績", "値", "指標値", "数値"}},
}

func progressRole(cell string) (Role, bool) {
	c := normHeader(cell)
	for _, r := range progressRoles {
		for _, n := range r.names {
			if c == normHeader(n) {
				return r.role, true
			}
		}
	}
	return "", false
}

// progressRow is one mapped row: a year of one measure.
type progressRow struct {
	row    int
	number plan.Number
	entry  plan.Progress
}

// ImportProgress reads a progress table (施策番号, 年度, 進捗状況, 評価 and
// value columns) and adds each row as a year of progress to its measure in
// the pillar files. A year the measure already has is replaced only with
// opts.Force; otherwise nothing is written.
func ImportProgress(file string, opts Options, w io.Writer) error {
	s, err := plan.Load(opts.Root)
	if err != nil {
		return fmt.Errorf("the site must build before progress is imported:\n%w", err)
	}
	t, err := Read(file, opts.Sheet)
	if err != nil {
		return err
	}
	rows, unmapped, err := readProgress(t, s)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "read %s (%s), %d rows of progress\n", t.File, t.Encoding, len(rows))
	written, err := writeProgress(s, opts.Root, rows, opts.Force)
	for _, p := range written {
		fmt.Fprintf(w, "wrote %s\n", p)
	}
	for _, u := range unmapped {
		fmt.Fprintf(w, "not mapped: row %d: %s: %s\n", u.Row, u.Reason, u.Text)
	}
	fmt.Fprintf(w, "%d rows not mapped\n", len(unmapped))
	return err
}

// readProgress maps the rows of a progress table against the plan.
func readProgress(t *Table, s *plan.Site) ([]progressRow, []RowNote, error) {
	head, cols := -1, map[Role]int{}
	for i, row := range t.Rows {
		found := map[Role]int{}
		for j, c := range row {
			if r, ok := progressRole(c); ok {
				if _, dup := found[r]; !dup {
					found[r] = j
				}
			}
		}
		_, hasN := found[progNumber]
		_, hasFY := found[progFY]
		if hasN && hasFY {
			head, cols = i, found
			break
		}
	}
	if head < 0 {
		return nil, nil, fmt.Errorf("%s: no header row with 施策番号 and 年度 columns", t.File)
	}
	indicators := map[int]string{} // column → indicator
	for j, c := range t.Rows[head] {
		if _, ok := progressRole(c); !ok && strings.TrimSpace(c) != "" {
			indicators[j] = strings.TrimSpace(c)
		}
	}
	measures := map[string]*plan.Measure{}
	for _, m := range s.AllMeasures() {
		measures[m.Number.String()] = m
	}
	pr := &progressReader{cols: cols, indicators: indicators, measures: measures, statuses: s.Statuses()}
	for i := head + 1; i < len(t.Rows); i++ {
		pr.row(i+1, t.Rows[i])
	}
	return pr.out, pr.unmapped, nil
}

// progressReader maps progress rows; a blank number is the one above.
type progressReader struct {
	cols       map[Role]int
	indicators map[int]string
	measures   map[string]*plan.Measure
	statuses   []plan.ProgressStatus
	last       *plan.Measure
	out        []progressRow
	unmapped   []RowNote
}

func (pr *progressReader) get(row []string, r Role) string {
	if j, ok := pr.cols[r]; ok {
		return cell(row, j)
	}
	return ""
}

func (pr *progressReader) row(n int, row []string) {
	txt := rowText(row)
	bad := func(reason string) { pr.unmapped = append(pr.unmapped, RowNote{n, txt, reason}) }
	switch {
	case txt == "", isHeaderRowOf(row, progressRole), onlyCell(row, isStamp), onlyCell(row, pageRe.MatchString):
		return
	}
	m := pr.last
	if num := pr.get(row, progNumber); num != "" {
		lb, ok := parseNumber(num)
		switch {
		case !ok:
			bad(fmt.Sprintf("%q is not a measure number", num))
			return
		case lb.New:
			bad("a new measure (新) has no number yet, and progress is keyed by number")
			return
		}
		m = pr.measures[strconv.Itoa(lb.N)]
		if m == nil {
			bad(fmt.Sprintf("the plan has no measure %d", lb.N))
			return
		}
	}
	if m == nil {
		bad("no measure number in this row or above")
		return
	}
	pr.last = m
	fy, err := wareki.ParseYear(pr.get(row, progFY))
	if err != nil {
		bad(err.Error())
		return
	}
	e := plan.Progress{FY: fy, Status: oneLine(pr.get(row, progStatus)), Evaluation: escapeMarkdown(oneLine(pr.get(row, progEvaluation)))}
	if !pr.knownStatus(e.Status) {
		bad(fmt.Sprintf("status %q is not one of the site's statuses", e.Status))
		return
	}
	if reason := pr.values(row, m, &e); reason != "" {
		bad(reason)
		return
	}
	pr.out = append(pr.out, progressRow{row: n, number: m.Number, entry: e})
}

func (pr *progressReader) knownStatus(s string) bool {
	for _, st := range pr.statuses {
		if st.Name == s {
			return true
		}
	}
	return false
}

// values reads the value cells of a row for measure m: indicator columns,
// or the value column for a measure with one target.
func (pr *progressReader) values(row []string, m *plan.Measure, e *plan.Progress) string {
	cols := make([]int, 0, len(pr.indicators))
	for j := range pr.indicators {
		cols = append(cols, j)
	}
	sort.Ints(cols)
	for _, j := range cols {
		v := cell(row, j)
		if v == "" || !m.HasIndicator(pr.indicators[j]) {
			continue
		}
		f, err := parseValue(v)
		if err != nil {
			return fmt.Sprintf("%s: %q is not a number", pr.indicators[j], v)
		}
		if e.Values == nil {
			e.Values = map[string]float64{}
		}
		e.Values[pr.indicators[j]] = f
	}
	if v := pr.get(row, progValue); v != "" {
		if len(m.Targets) != 1 {
			return fmt.Sprintf("a value for measure %s, which has %d targets (name the column after the indicator)", m.Number, len(m.Targets))
		}
		f, err := parseValue(v)
		if err != nil {
			return fmt.Sprintf("%q is not a number", v)
		}
		e.Value = &f
	}
	return ""
}

// parseValue reads 1,234 / １２ / 3.5% / 12人.
func parseValue(s string) (float64, error) {
	t := strings.TrimRightFunc(strings.ReplaceAll(normHeader(s), ",", ""), func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	return strconv.ParseFloat(t, 64)
}

// isHeaderRowOf reports a repeated header: two or more cells that name
// roles.
func isHeaderRowOf(row []string, role func(string) (Role, bool)) bool {
	n := 0
	for _, c := range row {
		if _, ok := role(c); ok {
			n++
		}
	}
	return n >= 2
}

// writeProgress adds the rows to the measures' pillar files.
func writeProgress(s *plan.Site, root string, rows []progressRow, force bool) ([]string, error) {
	byFile := map[string][]progressRow{}
	fileOf := map[string]string{}
	for _, m := range s.AllMeasures() {
		fileOf[m.Number.String()] = m.File
	}
	for _, r := range rows {
		f := fileOf[r.number.String()]
		byFile[f] = append(byFile[f], r)
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	out := map[string][]byte{}
	var conflicts []string
	for _, f := range files {
		data, c, err := addProgress(filepath.Join(root, filepath.FromSlash(f)), byFile[f], force)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		conflicts = append(conflicts, c...)
		out[f] = data
	}
	if len(conflicts) > 0 {
		return nil, fmt.Errorf("not written, nothing changed: %s; use --force to replace", strings.Join(conflicts, "; "))
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(f)), out[f], 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// addProgress returns the pillar file with the rows' progress added, and
// the years that exist already (replaced when force).
func addProgress(path string, rows []progressRow, force bool) ([]byte, []string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, nil, err
	}
	var conflicts []string
	for _, r := range rows {
		m := findMeasure(&doc, r.number.String())
		if m == nil {
			return nil, nil, fmt.Errorf("measure %s not found", r.number)
		}
		list := valueOf(m, "progress")
		if list == nil {
			list = seq()
			m.Content = append(m.Content, str("progress"), list)
		}
		entry := progressNode(r.entry)
		if i := entryFor(list, r.entry.FY); i >= 0 {
			if !force {
				conflicts = append(conflicts, fmt.Sprintf("measure %s already has progress for %d (row %d)", r.number, r.entry.FY, r.row))
			}
			list.Content[i] = entry
			continue
		}
		list.Content = append(list.Content, entry)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), conflicts, enc.Close()
}

// findMeasure finds the mapping of measure number n anywhere in the file.
func findMeasure(n *yaml.Node, num string) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		if v := valueOf(n, "number"); v != nil && v.Value == num && valueOf(n, "departments") != nil {
			return n
		}
	}
	for _, c := range n.Content {
		if m := findMeasure(c, num); m != nil {
			return m
		}
	}
	return nil
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func entryFor(list *yaml.Node, fy int) int {
	for i, e := range list.Content {
		if v := valueOf(e, "fy"); v != nil && v.Value == strconv.Itoa(fy) {
			return i
		}
	}
	return -1
}

// progressNode writes one year of progress in the content format.
func progressNode(p plan.Progress) *yaml.Node {
	n := mapping("fy", intNode(p.FY), "status", str(p.Status))
	if p.Evaluation != "" {
		n.Content = append(n.Content, str("evaluation"), str(p.Evaluation))
	}
	if p.Value != nil {
		n.Content = append(n.Content, str("value"), floatNode(*p.Value))
	}
	if len(p.Values) > 0 {
		keys := make([]string, 0, len(p.Values))
		for k := range p.Values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		vals := mapping()
		for _, k := range keys {
			vals.Content = append(vals.Content, str(k), floatNode(p.Values[k]))
		}
		n.Content = append(n.Content, str("values"), vals)
	}
	return n
}

func floatNode(f float64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(f, 'f', -1, 64)}
}
