// Package search builds the index of the site's offline search.
//
// The search has to work when the site is opened from file://, where
// pages cannot fetch files, load modules or start workers. So the index is
// made of plain scripts that hand their data to
// themes/default/static/search.js, which does the searching in the
// reader's browser: an entry script per variant and shards that a query
// loads on demand (see Sharded).
//
// # Documents
//
// A Doc is one place a result links to: a measure, a chapter section, a
// glossary term or a whole page. The index sorts the documents by URL,
// with runs of digits compared as numbers (pillars/1.html#measure-2 before
// pillars/1.html#measure-10), then by their line, so the files do not
// depend on the order the caller found them in.
//
// # Text with readings
//
// Each document is stored as [url, title, section, ruby]. ruby is the
// document's text (after Compose) in the author ruby syntax of plansite:
// every run of characters that has a reading different from its own
// normalised form is written {base|reading}, where reading is normalised
// (Normalize: hiragana, lower case). A literal \, {, | or } is written
// with a backslash before it. Kana are stored once, not once in the text
// and again in the reading, which keeps the files small.
//
// The runs and their readings are Doc.Runs, as the annotation stage that
// put the furigana on the page made them: nothing is aligned or guessed
// here, and words with readings stay apart so that a match of a reading
// marks only its word.
//
// # Matching (search.js)
//
// search.js decodes each document into its display text T, the
// normalised text N (Normalize of T, offset for offset) and the normalised
// reading R (the kana of N with each run replaced by its reading). A query
// is normalised the same way and split at spaces; every word must occur,
// as a substring, in N or in R. So 相談, そうだん and ソウダン all find
// {相談|そうだん}, and 支援 or しえん find 相談支援. A match in R is
// mapped back to the runs of T it covers, which are highlighted with
// <mark> in the snippet. Documents are ranked by words found in the title
// (the title's span in T), then by the number of matches, then by index
// order. The snippet is the text around the first match, after the title
// when the text starts with it.
//
// search.js checks the candidates of a query (shard.go) in index order,
// loading the chunks of about ten at a time, and stops once it has more
// results than it shows: ten at first, ten more for each press of the
// button under the list. Ranking orders the documents checked so far, so
// a query on a large site loads a few chunks, not every candidate's.
//
// # Size and encoding
//
// The chunks and shards hold JSON compressed with raw DEFLATE, in base64
// (see shard.go): on a generated 1,000-chapter site, 3.4 KB of JSON per
// document become about 810 bytes on disk, and its grams about 480, so
// the whole index is about 6.7 KB per page (13.8 MB for 2,052 pages;
// Pagefind: 11.2 KB). The files are ASCII: a classic script takes the
// encoding of the page that loads it, and every page is
// <meta charset="utf-8"> anyway.
package search

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Doc is one search document: a place in the site a result links to.
type Doc struct {
	// URL is the document's address relative to the root of its variant,
	// with an optional fragment: "pillars/1.html#measure-3". search.js
	// puts the search page's data-root before it.
	URL string
	// Title is the result's link text: the measure's, section's or page's
	// heading as shown.
	Title string
	// Section is a short label of where the document lives, shown under
	// the title: "基本施策1", the page title.
	Section string
	// Runs are the document's text in pieces, each with its reading when
	// it has one, as the annotation stage made them.
	Runs []Run
}

// Run is a piece of a document's text with its reading ("" when the piece
// reads as written).
type Run struct {
	Text    string
	Reading string
}

// segments returns the document's text as ruby segments.
func (d Doc) segments() []seg {
	segs := make([]seg, 0, len(d.Runs))
	for _, r := range d.Runs {
		base := Compose(r.Text)
		reading := Normalize(r.Reading)
		if reading == Normalize(base) {
			reading = ""
		}
		// Neighbouring plain pieces merge; words with readings stay
		// apart, so that a match of a reading marks only its word.
		if n := len(segs); n > 0 && reading == "" && segs[n-1].reading == "" {
			segs[n-1].base = append(segs[n-1].base, []rune(base)...)
			continue
		}
		segs = append(segs, seg{base: []rune(base), reading: reading})
	}
	return segs
}

// appendJSONString appends s as a JSON string literal. encoding/json
// escapes <, >, &, U+2028 and U+2029 and replaces invalid UTF-8, so the
// literal is safe in a script and in JavaScript before ES2019.
func appendJSONString(dst []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(s); err != nil { // cannot happen for a string
		panic(err)
	}
	return append(dst, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// naturalCompare compares a and b with runs of ASCII digits compared by
// value.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			da, db := digitRun(a), digitRun(b)
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) - len(nb)
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			if da != db {
				return da - db
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitRun(s string) int {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}
