// Package bundle packs the files of a finished plansite build into offline
// bundles: a ZIP of the whole site that opens from file://, and an
// accessible EPUB 3 (EPUB Accessibility 1.1) of one variant.
//
// The package knows only files and a little metadata, never the plan model:
// it reads the rendered pages, takes each page's <main>, and rewrites it.
// Both outputs are deterministic: the same files and Meta give the same bytes.
package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// File is one file of a finished build.
type File struct {
	Path string // slash path relative to the site root, e.g. "chapters/01-a.html"
	Data []byte
}

// Meta is the little the bundles need to know about the plan.
type Meta struct {
	Title, Author, Publisher string    // plan title, city, department
	Language                 string    // "ja" when empty
	Identifier               string    // e.g. "urn:plansite:" + base_url or title
	Modified                 time.Time // fixed by the caller for determinism
}

func (m Meta) lang() string {
	if m.Language == "" {
		return "ja"
	}
	return m.Language
}

// index checks the paths and returns the files by path.
func index(files []File) (map[string][]byte, error) {
	byPath := make(map[string][]byte, len(files))
	for _, f := range files {
		p := f.Path
		if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || path.Clean(p) != p || p == "." || p == ".." || strings.HasPrefix(p, "../") {
			return nil, fmt.Errorf("bundle: %q is not a clean relative slash path", p)
		}
		if !utf8.ValidString(p) {
			return nil, fmt.Errorf("bundle: %q is not valid UTF-8", p)
		}
		if _, dup := byPath[p]; dup {
			return nil, fmt.Errorf("bundle: %q given twice", p)
		}
		byPath[p] = f.Data
	}
	return byPath, nil
}

// zipWriter writes entries with fixed timestamps, no extra fields and no
// data descriptors, so that the same input always gives the same bytes.
type zipWriter struct {
	w          *zip.Writer
	buf        *bytes.Buffer
	date, time uint16
}

func newZipWriter(modified time.Time) *zipWriter {
	buf := new(bytes.Buffer)
	zw := &zipWriter{w: zip.NewWriter(buf), buf: buf}
	zw.date, zw.time = msDosTime(modified)
	return zw
}

// msDosTime converts t (taken in UTC) to MS-DOS date and time, clamped to
// the format's range 1980–2107.
func msDosTime(t time.Time) (date, tm uint16) {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if t.Year() > 2107 {
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}

// dir adds a directory entry (name ends in "/").
func (zw *zipWriter) dir(name string) error {
	fh := zw.header(name, zip.Store)
	fh.ExternalAttrs = 0x10 // MS-DOS directory
	_, err := zw.w.CreateRaw(fh)
	return err
}

// file adds a file, deflated unless store is set or deflating does not help.
func (zw *zipWriter) file(name string, data []byte, store bool) error {
	method := zip.Store
	body := data
	if !store && len(data) > 0 {
		var c bytes.Buffer
		fw, err := flate.NewWriter(&c, flate.BestCompression)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
		if err := fw.Close(); err != nil {
			return err
		}
		if c.Len() < len(data) {
			method, body = zip.Deflate, c.Bytes()
		}
	}
	fh := zw.header(name, method)
	fh.CRC32 = crc32.ChecksumIEEE(data)
	fh.CompressedSize64 = uint64(len(body))
	fh.UncompressedSize64 = uint64(len(data))
	w, err := zw.w.CreateRaw(fh)
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

func (zw *zipWriter) header(name string, method uint16) *zip.FileHeader {
	fh := &zip.FileHeader{
		Name:           name,
		Method:         method,
		CreatorVersion: 20, // MS-DOS, spec 2.0
		ReaderVersion:  20,
		ModifiedDate:   zw.date,
		ModifiedTime:   zw.time,
	}
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			fh.Flags |= 0x800 // names are UTF-8
			break
		}
	}
	return fh
}

func (zw *zipWriter) close() ([]byte, error) {
	if err := zw.w.Close(); err != nil {
		return nil, err
	}
	return zw.buf.Bytes(), nil
}

// parentDirs returns every folder (ending in "/") that holds one of names,
// below and including root, sorted.
func parentDirs(names []string) []string {
	seen := map[string]bool{}
	for _, n := range names {
		for d := path.Dir(strings.TrimSuffix(n, "/")); d != "." && d != "/" && d != ""; d = path.Dir(d) {
			seen[d+"/"] = true
		}
	}
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}
