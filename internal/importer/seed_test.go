package importer

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/plan"
)

// seedFile is a real measures table (tab-separated, as copied from a
// city's PDF): a stamp line holding the 担当課 header, a header row whose
// 施策名 stands over the direction column, blank cells meaning "same as
// above", several departments in one cell.
const seedFile = "../../../shared/seeds/004_40d138d730a8a891.part1.txt"

// seedRow is a data row of the seed read the simple way this layout
// allows: tab-separated, group cells blank below their first row.
type seedRow struct {
	pillar, direction, measure, description string
	departments                             []string
}

func simpleSeed(t *testing.T) []seedRow {
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Skipf("seed table not available: %v", err)
	}
	var out []seedRow
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 5 || f[2] == "" || f[2][0] < '0' || f[2][0] > '9' {
			continue
		}
		out = append(out, seedRow{f[0], f[1], f[2], f[3], strings.Fields(f[4])})
	}
	return out
}

// TestSeedTable imports the real table and checks every measure, group
// and department against the file's own cells.
func TestSeedTable(t *testing.T) {
	want := simpleSeed(t)
	tb, err := Read(seedFile, "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ReadMeasures(tb, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unmapped) != 0 {
		t.Errorf("unmapped rows: %v", res.Unmapped)
	}
	if tb.Encoding != "UTF-8" || res.Columns.String() != "pillar=A,direction=B,title=C,description=D,departments=E" {
		t.Errorf("read as %s with columns %s", tb.Encoding, res.Columns)
	}
	if len(res.Pillars) != 1 || len(res.Pillars[0].Directions) != 4 {
		t.Fatalf("pillars %d, want 1 with 4 directions", len(res.Pillars))
	}
	var got []string
	var pillar, dir string
	for _, p := range res.Pillars {
		for _, d := range p.Directions {
			for _, m := range d.Measures {
				got = append(got, fmt.Sprintf("%d %s|%d %s|%d %s|%s|%s", p.Number, p.Title, d.Number, d.Title, m.Number, m.Title, m.Description, strings.Join(m.Departments, ",")))
			}
		}
	}
	var expect []string
	for _, r := range want {
		if r.pillar != "" {
			pillar = r.pillar
		}
		if r.direction != "" {
			dir = r.direction
		}
		expect = append(expect, fmt.Sprintf("%s|%s|%s|%s|%s", pillar, dir, r.measure, r.description, strings.Join(r.departments, ",")))
	}
	if len(expect) != 18 {
		t.Fatalf("the simple reading found %d measures, want 18", len(expect))
	}
	if strings.Join(got, "\n") != strings.Join(expect, "\n") {
		t.Errorf("measures differ:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(expect, "\n"))
	}
	counts := []int{}
	for _, d := range res.Pillars[0].Directions {
		counts = append(counts, len(d.Measures))
	}
	if fmt.Sprint(counts) != "[3 4 8 3]" {
		t.Errorf("measures per direction %v", counts)
	}
	_, _, depts := res.Count()
	all := map[string]bool{}
	for _, m := range res.Pillars[0].all() {
		for _, d := range m.Departments {
			all[d] = true
		}
	}
	names := make([]string, 0, len(all))
	for d := range all {
		names = append(names, d)
	}
	sort.Strings(names)
	if depts != 9 || strings.Join(names, " ") != "介護福祉課 地域福祉課 広報秘書課 指導室 環境政策課 生涯学習課 社会福祉協議会 福祉保健部各課 経済課" {
		t.Errorf("%d departments: %v", depts, names)
	}
}

// TestSeedSiteBuilds writes the seed into an empty site folder and loads
// it: the imported site is valid without editing.
func TestSeedSiteBuilds(t *testing.T) {
	simpleSeed(t)
	root := t.TempDir()
	var out strings.Builder
	if err := ImportMeasures(seedFile, Options{Root: root}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"found 1 pillars, 4 directions, 18 measures, 9 departments", "wrote content/pillars/1.yaml", "wrote content/site.yaml", "0 rows not mapped", "skipped row 3 (header block)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	s, err := plan.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.AllMeasures()); n != 18 {
		t.Errorf("%d measures loaded", n)
	}
	// Importing again refuses to overwrite, and changes nothing.
	before, _ := os.ReadFile(root + "/content/pillars/1.yaml")
	os.WriteFile(root+"/content/pillars/1.yaml", append(before, []byte("# edited\n")...), 0o644)
	if err := ImportMeasures(seedFile, Options{Root: root}, &out); err == nil || !strings.Contains(err.Error(), "content/pillars/1.yaml exists (pillar 1); use --force") {
		t.Errorf("second import: %v", err)
	}
	if after, _ := os.ReadFile(root + "/content/pillars/1.yaml"); !strings.HasSuffix(string(after), "# edited\n") {
		t.Error("the refused import changed the file")
	}
	if err := ImportMeasures(seedFile, Options{Root: root, Force: true}, &out); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(root + "/content/pillars/1.yaml"); string(after) != string(before) {
		t.Error("--force did not rewrite the file as before")
	}
}
