package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"github.com/plansite/plansite/internal/plan"
)

// hardRows is a measures table with what real tables do: a stamp line,
// blank cells meaning "same as above", departments split by 、 and line
// breaks, a cell with line breaks, 新, a page break with its page number,
// stamp and repeated header, a brace, a row whose cells moved left, a row
// continuing the measure above, and two rows that cannot be mapped.
var hardRows = [][]string{
	{"令和6年4月1日現在"},
	{"基本施策", "施策の方向", "施策名", "施策内容", "担当課"},
	{"1 相談支援の充実", "1 相談の場", "1 基幹相談", "専門職を置きます。", "障がい者支援課、健康推進課"},
	{"", "", "2 計画相談\n支援", "一行目の説明。\n二行目の説明です。", "障がい者支援課\n福祉総務課"},
	{"", "2 権利", "新 意思決定支援", "支援します。", ""},
	{"- 2 -"},
	{"令和6年4月1日現在"},
	{"基本施策", "施策の方向", "施策名", "施策内容", "担当課"},
	{"2 暮らし", "① 住まい", "3 グループホーム", "整備します。", "障がい者支援課"},
	{"", "", "4 移動支援", "外出を{支|ささ}えます。", "生活福祉課"},
	{"", "5 日中活動", "通所を支えます。", "障がい者支援課", ""},
	{"", "", "", "詳しくは窓口へ。", ""},
	{"", "", "窓口の案内", "案内します。", "障がい者支援課"},
	{"", "", "5 重複", "重複です。", "生活福祉課"},
}

func writeXLSX(t testing.TB, path string, rows [][]string) {
	f := excelize.NewFile()
	for i, row := range rows {
		cellRef, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(row))
		for j, v := range row {
			vals[j] = v
		}
		if err := f.SetSheetRow("Sheet1", cellRef, &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func csvBytes(t testing.TB, rows [][]string, comma rune) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestFixtures reads the same hard table from .xlsx, CP932 CSV, UTF-8 CSV
// with BOM and UTF-8 TSV, and gets the same measures from each.
func TestFixtures(t *testing.T) {
	dir := t.TempDir()
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes(csvBytes(t, hardRows, ','))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"cp932.csv": sjis,
		"bom.csv":   append([]byte{0xEF, 0xBB, 0xBF}, csvBytes(t, hardRows, ',')...),
		"plain.tsv": csvBytes(t, hardRows, '\t'),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeXLSX(t, filepath.Join(dir, "table.xlsx"), hardRows)
	encodings := map[string]string{"cp932.csv": "Shift_JIS (CP932)", "bom.csv": "UTF-8 with BOM", "plain.tsv": "UTF-8", "table.xlsx": "xlsx"}
	for name, enc := range encodings {
		t.Run(name, func(t *testing.T) {
			tb, err := Read(filepath.Join(dir, name), "")
			if err != nil {
				t.Fatal(err)
			}
			if tb.Encoding != enc {
				t.Errorf("encoding %s, want %s", tb.Encoding, enc)
			}
			res, err := ReadMeasures(tb, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkHard(t, res)
		})
	}
}

func checkHard(t *testing.T, res *Measures) {
	t.Helper()
	var got []string
	for _, p := range res.Pillars {
		for _, d := range p.Directions {
			for _, m := range d.Measures {
				got = append(got, fmt.Sprintf("%d/%d/%s %s [%s] %q", p.Number, d.Number, numberText(m), m.Title, strings.Join(m.Departments, ","), m.Description))
			}
		}
	}
	want := []string{
		`1/1/1 基幹相談 [障がい者支援課,健康推進課] "専門職を置きます。"`,
		`1/1/2 計画相談支援 [障がい者支援課,福祉総務課] "一行目の説明。\n\n二行目の説明です。"`,
		`1/2/新 意思決定支援 [障がい者支援課,福祉総務課] "支援します。"`,
		`2/1/3 グループホーム [障がい者支援課] "整備します。"`,
		`2/1/4 移動支援 [生活福祉課] "外出を{支|ささ}えます。"`,
		`2/1/5 日中活動 [障がい者支援課] "通所を支えます。\n\n詳しくは窓口へ。"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("measures:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var skipped, unmapped []string
	for _, s := range res.Skipped {
		skipped = append(skipped, fmt.Sprintf("%d %s", s.Row, s.Reason))
	}
	for _, u := range res.Unmapped {
		unmapped = append(unmapped, fmt.Sprintf("%d %s", u.Row, u.Reason))
	}
	if s := strings.Join(skipped, "; "); s != "1 header block; 2 header block; 6 page number; 7 stamp line; 8 repeated header" {
		t.Errorf("skipped: %s", s)
	}
	if s := strings.Join(unmapped, "; "); !strings.HasPrefix(s, "13 the 施策名 窓口の案内 has no number") || !strings.Contains(s, "14 measure number 5 is already used in row 11") {
		t.Errorf("unmapped: %s", s)
	}
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{"row 5: no 担当課: the same as above", "row 11: cells shifted", "row 12: continues measure 5"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// TestHardSiteLoads writes the hard table and loads it as a plan: braces
// stay literal text, the site is valid.
func TestHardSiteLoads(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "t.xlsx")
	writeXLSX(t, src, hardRows)
	var out strings.Builder
	if err := ImportMeasures(src, Options{Root: root}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "not mapped: row 13:") || !strings.Contains(out.String(), "2 rows not mapped") {
		t.Errorf("report:\n%s", out.String())
	}
	s, err := plan.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	m := s.AllMeasures()
	if len(m) != 6 || m[4].Description != `外出を\{支|ささ}えます。` {
		t.Errorf("loaded %d measures; measure 4: %q", len(m), m[4].Description)
	}
}

// TestExplicitColumns maps the columns by flag: here the table has a
// number column and no header at all.
func TestExplicitColumns(t *testing.T) {
	cols, err := ParseColumns("基本施策=A,number=2,施策名=C,description=D,担当課=E")
	if err != nil {
		t.Fatal(err)
	}
	tb := &Table{File: "x.csv", Rows: [][]string{
		{"1 相談", "1", "窓口", "置きます。", "A課 B課"},
		{"", "新", "新しい窓口", "始めます。", "C課"},
	}}
	res, err := ReadMeasures(tb, cols)
	if err != nil {
		t.Fatal(err)
	}
	ms := res.Pillars[0].Measures
	if len(ms) != 2 || ms[0].Number != 1 || ms[0].Title != "窓口" || !ms[1].New || strings.Join(ms[1].Departments, ",") != "C課" {
		t.Errorf("measures %+v %+v", ms[0], ms[1])
	}
	for _, bad := range []string{"title", "title=0", "foo=A", "description=C"} {
		if _, err := ParseColumns(bad); err == nil {
			t.Errorf("ParseColumns(%q) accepted", bad)
		}
	}
}

func TestParseLabel(t *testing.T) {
	for in, want := range map[string]string{
		"1 地域福祉":    "1 地域福祉",
		"１．地域":      "1 地域",
		"(2) 交流":    "2 交流",
		"（12）交流":    "12 交流",
		"③ 場づくり":    "3 場づくり",
		"新 意思決定":    "新 意思決定",
		"【新】意思決定":   "新 意思決定",
		"3市連携の推進":   "-",
		"新たな担い手の育成": "-",
		"2024年度":    "-",
	} {
		lb, ok := parseLabel(in)
		got := "-"
		if ok {
			got = fmt.Sprintf("%d %s", lb.N, lb.Title)
			if lb.New {
				got = "新 " + lb.Title
			}
		}
		if got != want {
			t.Errorf("parseLabel(%q) = %q, want %q", in, got, want)
		}
	}
}
