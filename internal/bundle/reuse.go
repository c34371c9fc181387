package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"sort"
)

// Reuse lets WriteEPUB take a page's content document from an earlier
// book instead of converting the page again: after an edit of one chapter,
// only that chapter's document is made anew.
//
// A document is reused when the page's HTML has the same SHA-256 as when
// the earlier book was made, the book's context is the same (its variant
// and edition, its language, and the paths of every file of the site,
// which decide where links go), and the earlier book still holds the
// document with the CRC-32 and size the memo recorded. Links to places on
// other pages are checked again: a document whose links went to places
// that are gone, or (when they were checked) that have appeared since, is
// made anew. Anything else
// (no memo, a damaged one, a missing or different earlier book) converts
// the page as usual: reuse never changes the book's bytes.
type Reuse struct {
	Previous string // the earlier EPUB file; "" for none
	Memo     []byte // what WriteEPUB returned with it
}

// memoVersion changes whenever a change to the conversion changes the
// documents it makes or the facts it keeps.
const memoVersion = "plansite epub memo 1"

// memo is what a book remembers of its pages for the next one.
type memo struct {
	Version string
	Context [32]byte
	Pages   map[string]memoPage // by site path
}

// memoPage is one page's document (by CRC-32 and size in the book) and the
// facts the book needs of it.
type memoPage struct {
	Sum       [32]byte // SHA-256 of the page's HTML
	CRC       uint32
	Size      uint64
	IDs       []string
	Title     string
	H2s       [][2]string // id, text
	Kanji     int
	Ruby      int
	Resources map[string]string
	Pending   [][2]string // places on other pages its links go to: site path, id
	Final     bool        // converted with those places checked …
	Present   []bool      // … and found there or not
	Flags     [5]bool     // ruby, tables, images, svg, math
}

// bookContext hashes what every document of a book depends on besides its
// own page.
func bookContext(paths []string, variant string, m Meta) [32]byte {
	h := sha256.New()
	for _, s := range []string{memoVersion, variant, m.lang()} {
		h.Write([]byte(s + "\x00"))
	}
	if m.Vertical {
		h.Write([]byte("vertical\x00"))
	}
	for _, p := range paths {
		h.Write([]byte(p + "\x00"))
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// reuser finds the documents of an earlier book.
type reuser struct {
	pages map[string]memoPage
	prev  map[string]*zip.File // the earlier book's entries
	close func() error
}

// newReuser opens what r refers to, or returns a reuser that reuses
// nothing.
func newReuser(r Reuse, ctx [32]byte) *reuser {
	ru := &reuser{close: func() error { return nil }}
	var m memo
	if r.Previous == "" || gob.NewDecoder(bytes.NewReader(r.Memo)).Decode(&m) != nil ||
		m.Version != memoVersion || m.Context != ctx {
		return ru
	}
	z, err := zip.OpenReader(r.Previous)
	if err != nil {
		return ru
	}
	ru.pages, ru.prev, ru.close = m.Pages, map[string]*zip.File{}, z.Close
	for _, f := range z.File {
		if f.Method == zip.Deflate || f.Method == zip.Store {
			ru.prev[f.Name] = f
		}
	}
	return ru
}

// restore fills p from the earlier book when its page, whose HTML hashes
// to sum, is unchanged; false when it must be converted.
func (ru *reuser) restore(l *linker, p *page, sum [32]byte) bool {
	mp, ok := ru.pages[p.site]
	if !ok || mp.Sum != sum {
		return false
	}
	f := ru.prev[epubDir+p.out]
	if f == nil || f.CRC32 != mp.CRC || f.UncompressedSize64 != mp.Size {
		return false
	}
	pending := make([]place, 0, len(mp.Pending))
	for _, pl := range mp.Pending {
		target := l.pages[pl[0]]
		if target == nil {
			return false
		}
		pending = append(pending, place{target, pl[1]})
	}
	*p = page{
		site: p.site, out: p.out, sum: sum, ids: map[string]bool{}, title: mp.Title,
		cov: coverage{kanji: mp.Kanji, ruby: mp.Ruby}, resources: mp.Resources, pending: pending,
		final: mp.Final, present: mp.Present,
		ruby: mp.Flags[0], tables: mp.Flags[1], images: mp.Flags[2], svg: mp.Flags[3], math: mp.Flags[4],
		doc: body{method: f.Method, crc: f.CRC32, size: f.UncompressedSize64, raw: f},
	}
	for _, id := range mp.IDs {
		p.ids[id] = true
	}
	for _, h := range mp.H2s {
		p.h2s = append(p.h2s, heading{h[0], h[1]})
	}
	if p.resources == nil {
		p.resources = map[string]string{}
	}
	return true
}

// encodeMemo records the pages of a finished book.
func encodeMemo(ctx [32]byte, pages []*page) []byte {
	m := memo{Version: memoVersion, Context: ctx, Pages: map[string]memoPage{}}
	for _, p := range pages {
		mp := memoPage{
			Sum: p.sum, CRC: p.doc.crc, Size: p.doc.size, Title: p.title, Final: p.final, Present: p.present,
			Kanji: p.cov.kanji, Ruby: p.cov.ruby, Resources: p.resources,
			Flags: [5]bool{p.ruby, p.tables, p.images, p.svg, p.math},
		}
		for id := range p.ids {
			mp.IDs = append(mp.IDs, id)
		}
		sort.Strings(mp.IDs)
		for _, h := range p.h2s {
			mp.H2s = append(mp.H2s, [2]string{h.id, h.text})
		}
		for _, pl := range p.pending {
			mp.Pending = append(mp.Pending, [2]string{pl.page.site, pl.id})
		}
		m.Pages[p.site] = mp
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(m) != nil {
		return nil // no memo: the next book converts every page
	}
	return buf.Bytes()
}
