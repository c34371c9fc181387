package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestZIPEntriesAndDeterminism(t *testing.T) {
	files := siteFiles(t)
	m := testMeta()
	data, err := ZIP(files, "plan/", m)
	if err != nil {
		t.Fatal(err)
	}
	zr := openZip(t, data)

	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !strings.HasPrefix(f.Name, "plan/") {
			t.Errorf("%s is not under plan/", f.Name)
		}
		if len(f.Extra) != 0 {
			t.Errorf("%s has %d bytes of extra fields", f.Name, len(f.Extra))
		}
		if f.Flags&0x8 != 0 {
			t.Errorf("%s uses a data descriptor", f.Name)
		}
		// MS-DOS time has a 2-second resolution.
		if want := m.Modified.Truncate(2 * time.Second); !f.Modified.Equal(want) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, want)
		}
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("entries are not sorted: %v", names)
	}
	has := map[string]bool{}
	for _, n := range names {
		has[n] = true
	}
	for _, want := range []string{"plan/", "plan/index.html", "plan/easy/", "plan/easy/index.html",
		"plan/easy/chapters/01-hajimeni.html", "plan/assets/picto/soudan.svg", "plan/search.html", "plan/" + ReadmeName} {
		if !has[want] {
			t.Errorf("missing entry %s", want)
		}
	}
	if has["plan/.plansite-output"] {
		t.Error("the build marker .plansite-output is in the zip")
	}
	// every site file comes back unchanged
	for _, f := range files {
		if strings.HasPrefix(f.Path, ".") {
			continue
		}
		if got := readEntry(t, zr, "plan/"+f.Path); !bytes.Equal(got, f.Data) {
			t.Errorf("%s changed in the zip", f.Path)
		}
	}
	readme := string(readEntry(t, zr, "plan/"+ReadmeName))
	for _, want := range []string{"\ufeff", "index.html", "「plan」フォルダー", "展開", "easy", m.Title, "\r\n"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README does not contain %q:\n%s", want, readme)
		}
	}

	again, err := ZIP(reversed(files), "plan", m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Error("same files in another order gave different zip bytes")
	}
	m2 := m
	m2.Modified = m.Modified.Add(24 * time.Hour)
	other, err := ZIP(files, "plan/", m2)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(data, other) {
		t.Error("Modified does not reach the zip timestamps")
	}
}

func TestZIPNoRoot(t *testing.T) {
	data, err := ZIP([]File{{Path: "index.html", Data: []byte("<p>x")}, {Path: "a/b.css", Data: nil}}, "", Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range openZip(t, data).File {
		names = append(names, f.Name)
	}
	want := []string{ReadmeName, "a/", "a/b.css", "index.html"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("entries %v, want %v", names, want)
	}
}

func TestZIPRejectsBadPaths(t *testing.T) {
	for _, files := range [][]File{
		{{Path: "../x.html"}},
		{{Path: "/x.html"}},
		{{Path: "a//b.html"}},
		{{Path: `a\b.html`}},
		{{Path: ""}},
		{{Path: "x.html"}, {Path: "x.html"}},
		{{Path: ReadmeName}},
	} {
		if _, err := ZIP(files, "plan/", Meta{}); err == nil {
			t.Errorf("ZIP(%v) gave no error", files)
		}
	}
	if _, err := ZIP(nil, "../up", Meta{}); err == nil {
		t.Error("a root outside the zip gave no error")
	}
}

func TestMSDosTimeClamps(t *testing.T) {
	d, tm := msDosTime(time.Time{})
	if d != 1<<5|1 || tm != 0 {
		t.Errorf("zero time gave %#x %#x, want 1980-01-01 00:00", d, tm)
	}
	d, tm = msDosTime(time.Date(2024, 4, 1, 9, 30, 15, 0, time.FixedZone("JST", 9*3600)))
	if want := uint16(44<<9 | 4<<5 | 1); d != want {
		t.Errorf("date %#x, want %#x (UTC)", d, want)
	}
	if want := uint16(0<<11 | 30<<5 | 7); tm != want {
		t.Errorf("time %#x, want %#x (UTC)", tm, want)
	}
}

// A ZIP made reusing an earlier ZIP's entries has the same bytes as one
// made from scratch, and copies unchanged entries without compressing them.
func TestWriteZIPReusesPrevious(t *testing.T) {
	dir := t.TempDir()
	files := []File{
		{Path: "index.html", Data: []byte(strings.Repeat("<p>相談支援</p>", 200))},
		{Path: "a/b.html", Data: []byte(strings.Repeat("<p>就労</p>", 100))},
	}
	m := Meta{Title: "計画", Modified: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)}
	first, err := ZIP(files, "plan", m)
	if err != nil {
		t.Fatal(err)
	}
	prev := filepath.Join(dir, "prev.zip")
	if err := os.WriteFile(prev, first, 0o644); err != nil {
		t.Fatal(err)
	}
	changed := append([]File(nil), files...)
	changed[1] = File{Path: "a/b.html", Data: []byte("<p>変更</p>")}
	loads := 0
	for i := range changed {
		data := changed[i].Data
		changed[i] = File{Path: changed[i].Path, Load: func() ([]byte, error) { loads++; return data, nil }}
	}
	var reused bytes.Buffer
	if err := WriteZIP(&reused, changed, m, ZIPOptions{Root: "plan", Previous: prev, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	fresh, err := ZIP([]File{files[0], {Path: "a/b.html", Data: []byte("<p>変更</p>")}}, "plan", m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(reused.Bytes(), fresh) {
		t.Error("reusing entries changed the ZIP's bytes")
	}
	if loads != 2 {
		t.Errorf("each file should be loaded once when packed, got %d loads", loads)
	}
	// A previous ZIP from another compressor is not reused: its entries
	// would make different bytes.
	var other bytes.Buffer
	zw := zip.NewWriter(&other)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	fw, _ := zw.Create("plan/index.html")
	fw.Write(files[0].Data)
	zw.Close()
	if err := os.WriteFile(prev, other.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteZIP(&again, files, m, ZIPOptions{Root: "plan", Previous: prev}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), first) {
		t.Error("entries of a ZIP from another compressor were reused")
	}
}

func TestJoinNames(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"小平市", "小平市 健康福祉部 障がい者支援課"}, "小平市 健康福祉部 障がい者支援課"},
		{[]string{"小平市", "健康福祉部"}, "小平市 健康福祉部"},
		{[]string{"小平市", "小平市"}, "小平市"},
		{[]string{"", " 福祉課 "}, "福祉課"},
		{[]string{"小平市", "小平市 健康福祉部", "小平市 小平市 健康福祉部"}, "小平市 小平市 健康福祉部"},
	} {
		if got := JoinNames(c.in...); got != c.want {
			t.Errorf("JoinNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadmeNamesTheCityOnce(t *testing.T) {
	got := string(readme(Meta{Title: "計画", Author: "小平市", Publisher: "小平市 障がい者支援課"}, "plan/", nil))
	if strings.Count(got, "小平市") != 1 || !strings.Contains(got, "小平市 障がい者支援課\r\n") {
		t.Errorf("README names the city more than once or not at all:\n%s", got)
	}
}
