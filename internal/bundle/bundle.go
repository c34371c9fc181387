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
	"crypto/sha1"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// File is one file of a finished build.
type File struct {
	Path string // slash path relative to the site root, e.g. "chapters/01-a.html"
	Data []byte
	// Load, when set and Data is nil, reads the file's bytes when they are
	// needed, so that a large site need not be held in memory.
	Load func() ([]byte, error)
}

// bytes returns the file's data, loading it if need be.
func (f File) bytes() ([]byte, error) {
	if f.Data == nil && f.Load != nil {
		return f.Load()
	}
	return f.Data, nil
}

// Meta is the little the bundles need to know about the plan.
type Meta struct {
	Title, Author, Publisher string    // plan title, city, department
	Language                 string    // "ja" when empty
	Identifier               string    // unique per edition, e.g. the variant's URL; "" makes a urn:uuid from the title
	Modified                 time.Time // fixed by the caller for determinism
	// Certifier is who vouches for the EPUB's conformance claim (EPUB
	// Accessibility 1.1, WCAG 2.1 AA), e.g. the city department; without
	// one the EPUB makes no claim.
	Certifier string
	// Contents is the EPUB's table of contents; when empty, each page is
	// one entry, labelled by its h1.
	Contents []Entry
	// Vertical makes the 縦書き edition: vertical-rl writing, pages that
	// turn right to left, short numbers upright; VerticalTitleSuffix is
	// added to the title.
	Vertical bool
}

// uuidURN is a name-based (version 5, SHA-1) UUID URN for name, so that the
// same name always gives the same identifier.
func uuidURN(name string) string {
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8} // the URL namespace
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// JoinNames joins the parts of a name (city, department) with spaces,
// leaving out empty parts and parts another part already holds: 小平市 and
// 小平市 健康福祉部 make 小平市 健康福祉部, never 小平市 小平市 健康福祉部.
func JoinNames(parts ...string) string {
	var out []string
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || heldElsewhere(p, i, parts) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, " ")
}

// heldElsewhere reports whether another part holds p (of equal parts, the
// first is kept).
func heldElsewhere(p string, i int, parts []string) bool {
	for j, q := range parts {
		q = strings.TrimSpace(q)
		if j != i && strings.Contains(q, p) && (q != p || j < i) {
			return true
		}
	}
	return false
}

func (m Meta) lang() string {
	if m.Language == "" {
		return "ja"
	}
	return m.Language
}

// indexFiles checks the paths and returns the files by path.
func indexFiles(files []File) (map[string]File, error) {
	byPath := make(map[string]File, len(files))
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
		byPath[p] = f
	}
	return byPath, nil
}

// zipWriter writes entries with fixed timestamps, no extra fields and no
// data descriptors, so that the same input always gives the same bytes.
type zipWriter struct {
	w          *zip.Writer
	date, time uint16
	prev       map[string]*zip.File // an earlier ZIP's entries, for reuse
}

func newZipWriter(w io.Writer, modified time.Time) *zipWriter {
	zw := &zipWriter{w: zip.NewWriter(w)}
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
	return zw.put(name, compress(data, store))
}

// body is a file's entry made ready: its data compressed (or stored).
type body struct {
	method uint16
	crc    uint32
	size   uint64 // uncompressed
	data   []byte // as stored in the ZIP
	raw    *zip.File
}

// deflateLevel is the compression level of the bundles' entries: fast, as
// each build compresses the whole site; BestCompression cost several times
// the time for a few percent on HTML.
const deflateLevel = 5

// deflater is a flate writer with its output buffer, kept for reuse: each
// holds about a megabyte of state, and allocating one per file dominated
// the bundles' cost.
type deflater struct {
	w   *flate.Writer
	buf bytes.Buffer
}

var deflaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, deflateLevel) // the level is valid
	return &deflater{w: fw}
}}

// compress deflates data (unless store is set, or it does not get smaller).
func compress(data []byte, store bool) body {
	b := body{method: zip.Store, crc: crc32.ChecksumIEEE(data), size: uint64(len(data)), data: data}
	if store || len(data) == 0 {
		return b
	}
	d := deflaters.Get().(*deflater)
	defer deflaters.Put(d)
	d.buf.Reset()
	d.w.Reset(&d.buf)
	_, _ = d.w.Write(data) // writes to a bytes.Buffer do not fail
	_ = d.w.Close()
	if d.buf.Len() < len(data) {
		// an exact copy: a book keeps every page's entry until it is
		// packed, and spare capacity would add to what it holds
		b.method, b.data = zip.Deflate, bytes.Clone(d.buf.Bytes())
	}
	return b
}

// put writes an entry, copying it compressed from the earlier ZIP when it
// came from there.
func (zw *zipWriter) put(name string, b body) error {
	fh := zw.header(name, b.method)
	fh.CRC32 = b.crc
	fh.UncompressedSize64 = b.size
	fh.CompressedSize64 = uint64(len(b.data))
	if b.raw != nil {
		fh.CompressedSize64 = b.raw.CompressedSize64
	}
	w, err := zw.w.CreateRaw(fh)
	if err != nil {
		return err
	}
	if b.raw == nil {
		_, err = w.Write(b.data)
		return err
	}
	r, err := b.raw.OpenRaw()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// previous remembers the entries of an earlier ZIP for reuse.
func (zw *zipWriter) previous(r *zip.ReadCloser) {
	zw.prev = map[string]*zip.File{}
	for _, f := range r.File {
		if f.Method == zip.Deflate || f.Method == zip.Store {
			zw.prev[f.Name] = f
		}
	}
}

// prepare makes the entry of f under name: reused from the earlier ZIP
// when its size and CRC match, else compressed now.
func (zw *zipWriter) prepare(name string, f File) (body, error) {
	data, err := f.bytes()
	if err != nil {
		return body{}, err
	}
	crc := crc32.ChecksumIEEE(data)
	if p := zw.prev[name]; p != nil && p.CRC32 == crc && p.UncompressedSize64 == uint64(len(data)) {
		return body{method: p.Method, crc: crc, size: uint64(len(data)), raw: p}, nil
	}
	return compress(data, compressed(name)), nil
}

// compressed reports whether a file's format is compressed already, so
// that deflating it again only costs time.
func compressed(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".epub", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".woff2", ".gz":
		return true
	}
	return false
}

// entries writes the named entries in order (folders end in "/"),
// preparing files in parallel batches so that only a batch is in memory.
func (zw *zipWriter) entries(names []string, files map[string]File, workers int) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const batch = 64
	for start := 0; start < len(names); start += batch {
		part := names[start:min(start+batch, len(names))]
		bodies := make([]body, len(part))
		errs := make([]error, len(part))
		var wg sync.WaitGroup
		sem := make(chan struct{}, workers)
		for i, n := range part {
			if strings.HasSuffix(n, "/") {
				continue
			}
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				bodies[i], errs[i] = zw.prepare(n, files[n])
			}()
		}
		wg.Wait()
		for i, n := range part {
			err := errs[i]
			if err == nil && strings.HasSuffix(n, "/") {
				err = zw.dir(n)
			} else if err == nil {
				err = zw.put(n, bodies[i])
			}
			if err != nil {
				return fmt.Errorf("bundle: zip %s: %w", n, err)
			}
		}
	}
	return nil
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
