package bundle

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"
)

// reuseRun makes the EPUB of files reusing an earlier book (its file and
// memo), and returns the new book and memo and which pages were reused.
func reuseRun(t *testing.T, files []File, r Reuse) (book, memo []byte, reused map[string]bool) {
	t.Helper()
	reused = map[string]bool{}
	var buf bytes.Buffer
	memo, err := WriteEPUB(&buf, files, "standard", testMeta(), r)
	if err != nil {
		t.Fatal(err)
	}
	book = buf.Bytes()
	// which documents came from the earlier book: convert them again the
	// way WriteEPUB does, with the same reuser, and look at their bodies
	l, pages, all, err := bookPages(files, "standard", testMeta())
	if err != nil {
		t.Fatal(err)
	}
	ru := newReuser(r, bookContext(all, "standard", testMeta()))
	defer ru.close()
	if err := l.convertAll(pages, ru); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		reused[p.site] = p.doc.raw != nil
	}
	return book, memo, reused
}

// withFile returns files with the data of one file replaced.
func withFile(files []File, path string, edit func([]byte) []byte) []File {
	out := append([]File(nil), files...)
	for i := range out {
		if out[i].Path == path {
			out[i].Data = edit(bytes.Clone(out[i].Data))
		}
	}
	return out
}

// An EPUB made with the documents of an earlier book has the bytes of one
// made from scratch, and converts only the pages that changed, pages whose
// links to another page's places no longer hold included.
func TestEPUBReuse(t *testing.T) {
	dir := t.TempDir()
	files := siteFiles(t)
	first, memo, reused := reuseRun(t, files, Reuse{})
	for p, r := range reused {
		if r {
			t.Errorf("%s reused without an earlier book", p)
		}
	}
	prev := filepath.Join(dir, "plan.epub")
	if err := os.WriteFile(prev, first, 0o644); err != nil {
		t.Fatal(err)
	}
	ok := Reuse{Previous: prev, Memo: memo}
	changed := withFile(files, "chapters/02-genjou.html", func(b []byte) []byte {
		return bytes.Replace(b, []byte("</main>"), []byte("<p>追加の段落です。</p></main>"), 1)
	})
	// the chapter that 01-hajimeni links into loses the ids it links to
	idsGone := withFile(files, "chapters/02-genjou.html", func(b []byte) []byte {
		return bytes.ReplaceAll(b, []byte(` id="`), []byte(` data-x="`))
	})
	// a place that a page linked to in vain appears: the page must link to it now
	placeAppears := appearPlaces(t, files, memo)
	for _, tt := range []struct {
		name   string
		files  []File
		r      Reuse
		redone []string // pages converted again; nil: all of them
	}{
		{"nothing changed", files, ok, []string{}},
		{"one page changed", changed, ok, []string{"chapters/02-genjou.html"}},
		{"a linked place gone", idsGone, ok, []string{"chapters/01-hajimeni.html", "chapters/02-genjou.html"}},
		{"a missing place appears", placeAppears.files, ok, placeAppears.redone},
		{"damaged memo", files, Reuse{Previous: prev, Memo: memo[:len(memo)/2]}, nil},
		{"no earlier book", files, Reuse{Previous: filepath.Join(dir, "gone.epub"), Memo: memo}, nil},
		{"another page set", append(files, File{Path: "chapters/03-new.html", Data: []byte("<main><h1>新しい章</h1></main>")}), ok, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			book, _, reused := reuseRun(t, tt.files, tt.r)
			fresh, err := EPUB(tt.files, "standard", testMeta())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(book, fresh) {
				t.Fatal("the book made with reuse differs from one made from scratch")
			}
			for p, r := range reused {
				redo := tt.redone == nil
				for _, q := range tt.redone {
					redo = redo || q == p
				}
				if r == redo {
					t.Errorf("%s: reused %v, want %v", p, r, !redo)
				}
			}
		})
	}
}

type appeared struct {
	files  []File
	redone []string
}

// appearPlaces adds to their pages the places that links of the book of
// the memo data went to in vain, and returns the pages converted again then: those
// pages and the pages that link to them.
func appearPlaces(t *testing.T, files []File, data []byte) appeared {
	t.Helper()
	var m memo
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil {
		t.Fatal(err)
	}
	out := appeared{files: files}
	for site, mp := range m.Pages {
		for i, pl := range mp.Pending {
			if !mp.Final || mp.Present[i] {
				continue
			}
			out.files = withFile(out.files, pl[0], func(b []byte) []byte {
				return bytes.Replace(b, []byte("</main>"), []byte(`<p id="`+pl[1]+`">ここ</p></main>`), 1)
			})
			out.redone = append(out.redone, site, pl[0])
		}
	}
	if len(out.redone) == 0 {
		t.Fatal("the test site has no link to a missing place on another page")
	}
	return out
}
