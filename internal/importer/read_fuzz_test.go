package importer

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// tableExts are the kinds of table file Read tells apart by name.
var tableExts = []string{".csv", ".tsv", ".txt", ".xlsx"}

// FuzzRead feeds any bytes to the table reader as a CSV, TSV, text or
// .xlsx file, and what it reads to the measures mapping. Neither may
// panic; an error names the file; the cells read are valid UTF-8.
func FuzzRead(f *testing.F) {
	dir := f.TempDir()
	xlsx := filepath.Join(dir, "seed.xlsx")
	writeXLSX(f, xlsx, hardRows)
	seed, err := os.ReadFile(xlsx)
	if err != nil {
		f.Fatal(err)
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes(csvBytes(f, hardRows, ','))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, uint8(3))
	f.Add(sjis, uint8(0))
	f.Add(append([]byte{0xEF, 0xBB, 0xBF}, csvBytes(f, hardRows, ',')...), uint8(0))
	f.Add(csvBytes(f, hardRows, '\t'), uint8(1))
	f.Add([]byte("\xff\xfea\x00\t\x00b\x00\n\x00"), uint8(2))
	f.Add([]byte("a,\"b\nc\"\"\n\n\"d"), uint8(2))
	f.Add([]byte("\x82\xa0\x82"), uint8(0))
	f.Add([]byte("PK\x03\x04"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		path := filepath.Join(t.TempDir(), "table"+tableExts[int(kind)%len(tableExts)])
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tab, err := Read(path, "")
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for i, row := range tab.Rows {
			for _, cell := range row {
				if !utf8.ValidString(cell) {
					t.Fatalf("row %d: cell %q is not UTF-8", i+1, cell)
				}
			}
		}
		_, _ = ReadMeasures(tab, nil) // must not panic on what was read
	})
}

// A table that is a FIFO, larger than the limit, or an .xlsx that unpacks
// to gigabytes is refused by name, before it is read; a file marked as
// UTF-8 that is not is refused at its line.
func TestReadRefuses(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, tableLimit+1); err != nil {
		t.Fatal(err)
	}
	bomb := filepath.Join(dir, "bomb.xlsx")
	writeBomb(t, bomb)
	badBOM := filepath.Join(dir, "bom.csv")
	if err := os.WriteFile(badBOM, []byte("\ufeff施策名,担当課\n施\xe7,課\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		big:                          "big.csv: file is 67108865 bytes, more than the limit of 67108864 bytes per file (save only the sheet",
		bomb:                         "bomb.xlsx: the workbook unpacks to more than 256 MB",
		filepath.Join(dir, "x.xlsx"): "no such file",
		badBOM:                       "bom.csv:2: invalid UTF-8 in a file marked as UTF-8 (save it again as CSV UTF-8 from Excel)",
	}
	if fifo := filepath.Join(dir, "pipe.csv"); syscall.Mkfifo(fifo, 0o644) == nil {
		cases[fifo] = "pipe.csv: not a regular file"
	}
	for path, want := range cases {
		if _, err := Read(path, ""); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", filepath.Base(path), err, want)
		}
	}
}

// writeBomb writes a 300 KB .xlsx whose sheet unpacks to 300 MB.
func writeBomb(t *testing.T, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z := zip.NewWriter(f)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	row := []byte(strings.Repeat("<row/>", 1<<14))
	for n := 0; n < 300<<20; n += len(row) {
		if _, err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}
