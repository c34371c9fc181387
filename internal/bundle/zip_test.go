package bundle

import (
	"bytes"
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
