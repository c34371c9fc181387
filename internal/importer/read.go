// Package importer turns the tables city staff keep — measures and yearly
// progress in Excel (.xlsx), CSV or TSV — into the plan's content files.
//
// Reading: .xlsx through excelize (first sheet unless one is named);
// .csv, .tsv and .txt as UTF-8 (with or without BOM), UTF-16 with BOM
// (Excel's "Unicode text") or Shift_JIS/CP932 (Excel's "CSV"), detected
// from the bytes; the delimiter of a .txt is guessed from its lines.
//
// Mapping: columns are found by their header names (or an explicit
// mapping), then checked against what the rows hold, so that a header
// shifted against its column (a merged header cell, a stamp line above the
// header) is still read right. Blank group and department cells mean
// "same as above", group labels carry their number, 新 stands for a new
// measure, repeated header blocks, stamp lines (平成24年3月時点) and page
// numbers are skipped, and a row whose cells moved is realigned. Every row
// that cannot be mapped is reported with its row number.
package importer

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/safefs"
)

// Table is a read table: its rows of cells, and how it was read.
type Table struct {
	File     string
	Rows     [][]string // row i is line/row i+1 of the file
	Encoding string     // "UTF-8", "UTF-8 with BOM", "Shift_JIS (CP932)", "UTF-16" or "xlsx"
	Sheet    string     // the sheet read, for .xlsx
}

// tableLimit is the largest table file read, and four times it the most
// an .xlsx may unpack to. A real plan's measures table is well under 1 MB.
const tableLimit = 64 << 20

// Read reads a table file. sheet names the .xlsx sheet ("" = the first).
// Only a regular file within tableLimit is read.
func Read(path, sheet string) (*Table, error) {
	if err := checkSize(path); err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return readXLSX(path, sheet)
	case ".xls":
		return nil, fmt.Errorf("%s: the old .xls format cannot be read (save it from Excel as .xlsx or CSV)", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	text, enc, err := decode(path, data)
	if err != nil {
		return nil, err
	}
	rows, err := readDelimited(text, delimiter(path, text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Table{File: path, Rows: rows, Encoding: enc}, nil
}

// checkSize refuses what is not a regular file (a FIFO would hang the
// import, a device fill memory) and files over tableLimit.
func checkSize(path string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return err
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file (a device, pipe or socket is never read): give the path of the table file", path)
	case st.Size() > tableLimit:
		return fmt.Errorf("%s: %v (save only the sheet of measures, or split the table)", path, &safefs.SizeError{Size: st.Size(), Limit: tableLimit})
	}
	return nil
}

// checkUnpacked refuses an .xlsx whose parts unpack to more than four
// times tableLimit (a zip bomb), before excelize unpacks them.
func checkUnpacked(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("%s: not an Excel workbook (%w): save it from Excel as .xlsx, or as CSV", path, err)
	}
	defer z.Close()
	var total uint64
	for _, f := range z.File {
		if total += f.UncompressedSize64; total > 4*tableLimit {
			return fmt.Errorf("%s: the workbook unpacks to more than %s (save only the sheet of measures as .xlsx or CSV)", path, safefs.Human(4*tableLimit))
		}
	}
	return nil
}

func readXLSX(path, sheet string) (*Table, error) {
	if err := checkUnpacked(path); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 4 * tableLimit})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer func() { _ = f.Close() }()
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w (the sheets are %s)", path, sheet, err, strings.Join(f.GetSheetList(), ", "))
	}
	return &Table{File: path, Rows: rows, Encoding: "xlsx", Sheet: sheet}, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode detects the encoding of a CSV or TSV file and returns its text.
func decode(path string, data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		rest := data[len(bomUTF8):]
		if !utf8.Valid(rest) {
			return "", "", diag.New(path, invalidLine(rest), "invalid UTF-8 in a file marked as UTF-8", "save it again as CSV UTF-8 from Excel")
		}
		return string(rest), "UTF-8 with BOM", nil
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		out, _, err := transform.Bytes(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), data)
		return string(out), "UTF-16", err
	case utf8.Valid(data):
		return string(data), "UTF-8", nil
	}
	out, _, err := transform.Bytes(japanese.ShiftJIS.NewDecoder(), data)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return "", "", fmt.Errorf("%s: the file is neither UTF-8 nor Shift_JIS (save it as CSV UTF-8 or CSV from Excel)", path)
	}
	return string(out), "Shift_JIS (CP932)", nil
}

// invalidLine returns the line of the first byte of data that is not
// UTF-8.
func invalidLine(data []byte) int {
	valid := data
	for len(valid) > 0 {
		r, n := utf8.DecodeRune(valid)
		if r == utf8.RuneError && n <= 1 {
			break
		}
		valid = valid[n:]
	}
	return bytes.Count(data[:len(data)-len(valid)], []byte("\n")) + 1
}

// delimiter is a tab for .tsv, a comma for .csv, and for other names
// whichever of the two the first lines hold more of.
func delimiter(path, text string) rune {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".tsv", ".tab":
		return '\t'
	case ".csv":
		return ','
	}
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	if strings.Count(head, "\t") >= strings.Count(head, ",") {
		return '\t'
	}
	return ','
}

// readDelimited reads CSV or TSV records. Rows are numbered as a
// spreadsheet shows them: a record with line breaks inside a cell is one
// row, and an empty line is an empty row.
func readDelimited(text string, comma rune) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	end := 0 // the file line where the previous record ended
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		start, _ := r.FieldPos(0)
		for i := end + 1; i < start; i++ { // encoding/csv skips empty lines
			rows = append(rows, nil)
		}
		last, _ := r.FieldPos(len(rec) - 1)
		end = last + strings.Count(rec[len(rec)-1], "\n")
		rows = append(rows, rec)
	}
}
