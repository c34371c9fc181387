package search

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"iter"
	"slices"
	"strings"
)

// # Shards
//
// A site of thousands of pages has an index of many megabytes, too much to
// load for one query. Sharded splits it so that a query loads only what it
// needs, still as classic scripts (file:// allows no fetch):
//
//   - the entry script (search-index.js) describes the rest:
//     window.PLANSITE_SEARCH = {"version":2,"dir":…,"grams":S,"chunks":[…],"count":N};
//   - document chunks d0.js, d1.js, … hold the documents in index order
//     (as in the single-file index, [url, title, section, ruby]), about
//     ChunkBytes each; "chunks" lists the id of each chunk's first document;
//   - gram shards g0.js … g(S-1).js map each pair of neighbouring
//     characters (bigram) of a document's normalised text, reading or title
//     to the ids of the documents that have it. The bigram's first
//     character picks its shard, so all bigrams that start with one
//     character are in one shard; a document's last character of each of
//     those strings is indexed as that character followed by "\n".
//
// Each shard or chunk script calls window.PLANSITE_SEARCH_LOAD(name, data).
// A query word occurs in a document only if every bigram of the word does
// (a one-character word: a bigram that starts with it), so intersecting
// the bigrams' lists gives every document that can match, and search.js
// loads only the chunks of those candidates to check them: recall stays
// 100%. Ids in a list are ascending and written as differences in a
// base-64 variable-length code (see appendID).

// ChunkBytes is the size the document chunks and gram shards aim at.
const ChunkBytes = 48 << 10

// File is one script of a sharded index, named relative to the index's
// folder.
type File struct {
	Name string
	Data []byte
}

// Sharded returns the scripts of the index of recs (see Records): the
// entry script, to be written as entry (its "dir" field is dir, the folder
// of the other files relative to the entry script, ending in "/"), and the
// chunk and shard files to be written under dir. The output depends only
// on the set of records.
func Sharded(recs []Record, dir string) (entry []byte, files []File) {
	lines := slices.Clone(recs)
	slices.SortStableFunc(lines, func(a, b Record) int {
		if c := naturalCompare(a.URL, b.URL); c != 0 {
			return c
		}
		return bytes.Compare(a.Line, b.Line)
	})
	var chunks []int
	var cur [][]byte
	size := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		name := fmt.Sprintf("d%d", len(chunks)-1)
		files = append(files, File{Name: name + ".js", Data: loadScript(name, "["+string(bytes.Join(cur, []byte(",\n")))+"]")})
		cur, size = nil, 0
	}
	grams := map[gram][]int{}
	for id, l := range lines {
		if len(cur) == 0 {
			chunks = append(chunks, id)
		}
		cur = append(cur, l.Line)
		size += len(l.Line)
		if size >= ChunkBytes {
			flush()
		}
		for g := range l.grams() {
			grams[g] = append(grams[g], id)
		}
	}
	flush()
	shards := gramShards(grams)
	for i, s := range shards {
		files = append(files, File{Name: fmt.Sprintf("g%d.js", i), Data: loadScript(fmt.Sprintf("g%d", i), s)})
	}
	var b strings.Builder
	b.WriteString("/* plansite search index: generated, do not edit. */\n")
	fmt.Fprintf(&b, `window.PLANSITE_SEARCH = {"version":2,"dir":%s,"grams":%d,"count":%d,"chunks":[`, appendJSONString(nil, dir), len(shards), len(lines))
	for i, c := range chunks {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, c)
	}
	b.WriteString("]};\n")
	return []byte(b.String()), files
}

// Record is a document made ready for the index: its line of the index and
// its bigrams. A build makes each page's records while it renders the page
// (in parallel) and keeps only these, which are far smaller than the
// documents. Records sort by URL (numbers by value), then by line.
type Record struct {
	URL   string
	Line  []byte // the JSON array [url, title, section, ruby]
	Grams []byte // distinct bigrams, ascending, as varint differences (see gram)
}

// grams yields the record's bigrams.
func (r Record) grams() iter.Seq[gram] {
	return func(yield func(gram) bool) {
		var g uint64
		for b := r.Grams; len(b) > 0; {
			d, n := binary.Uvarint(b)
			if n <= 0 {
				return
			}
			g, b = g+d, b[n:]
			if !yield(gram(g)) {
				return
			}
		}
	}
}

// Records makes the records of docs.
func Records(docs []Doc) []Record {
	out := make([]Record, 0, len(docs))
	for _, d := range docs {
		segs := d.segments()
		ruby := encodeRuby(segs)
		out = append(out, Record{URL: d.URL, Line: docLine(d, ruby), Grams: docGrams(d, segs)})
	}
	return out
}

// gram is a bigram: its first character in the high 32 bits, its second
// ("\n" after a string's last character) in the low. Ordering grams by
// value orders them as their UTF-8 strings.
type gram uint64

func newGram(a, b rune) gram { return gram(uint64(a)<<32 | uint64(uint32(b))) }

func (g gram) first() rune { return rune(g >> 32) }

func (g gram) String() string { return string(g.first()) + string(rune(uint32(g))) }

// docGrams returns the distinct bigrams of a document's normalised text,
// reading and title, as search.js folds them, ascending.
func docGrams(d Doc, segs []seg) []byte {
	var text, reading strings.Builder
	for _, s := range segs {
		text.WriteString(string(s.base))
		if s.reading != "" {
			reading.WriteString(s.reading)
		} else {
			reading.WriteString(foldRunes(s.base))
		}
	}
	var out []uint64
	for _, s := range []string{foldRunes([]rune(text.String())), reading.String(), Normalize(d.Title)} {
		out = appendGrams(out, s)
	}
	slices.Sort(out)
	var enc []byte
	var prev uint64
	for _, g := range slices.Compact(out) {
		enc = binary.AppendUvarint(enc, g-prev)
		prev = g
	}
	return bytes.Clone(enc) // kept until the index is written: no spare room
}

func foldRunes(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// appendGrams appends the bigrams of s, and its last character followed
// by "\n".
func appendGrams(out []uint64, s string) []uint64 {
	var prev rune = -1
	for _, r := range s {
		if prev >= 0 {
			out = append(out, uint64(newGram(prev, r)))
		}
		prev = r
	}
	if prev >= 0 {
		out = append(out, uint64(newGram(prev, '\n')))
	}
	return out
}

// gramShards groups the bigrams by their first character into shards of
// about ChunkBytes and returns each shard's JSON object.
func gramShards(grams map[gram][]int) []string {
	total := 0
	lists := make(map[gram]string, len(grams))
	keys := make([]gram, 0, len(grams))
	for g, ids := range grams {
		lists[g] = encodeIDs(ids)
		total += len(g.String()) + len(lists[g]) + 6
		keys = append(keys, g)
	}
	n := max(1, (total+ChunkBytes-1)/ChunkBytes)
	slices.Sort(keys)
	parts := make([][]byte, n)
	for _, g := range keys {
		i := int(g.first()) % n // search.js picks the shard the same way
		if len(parts[i]) > 0 {
			parts[i] = append(parts[i], ",\n"...)
		}
		parts[i] = appendJSONString(parts[i], g.String())
		parts[i] = append(parts[i], ':')
		parts[i] = appendJSONString(parts[i], lists[g])
	}
	out := make([]string, n)
	for i, p := range parts {
		out[i] = "{" + string(p) + "}"
	}
	return out
}

// idDigits is the alphabet of the id code: the first 32 characters end a
// number, the last 32 carry 5 more bits.
const idDigits = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ_-$*+!"

// encodeIDs writes ascending ids as differences (the first from -1),
// each in appendID's code.
func encodeIDs(ids []int) string {
	var b []byte
	prev := -1
	for _, id := range ids {
		b = appendID(b, id-prev-1)
		prev = id
	}
	return string(b)
}

// appendID writes v ≥ 0 five bits at a time, most significant first: each
// character but the last is a continuation digit (idDigits[32:]).
func appendID(b []byte, v int) []byte {
	var tmp [14]byte
	i := len(tmp) - 1
	tmp[i] = idDigits[v&31]
	for v >>= 5; v > 0; v >>= 5 {
		i--
		tmp[i] = idDigits[32+v&31]
	}
	return append(b, tmp[i:]...)
}

// loadScript wraps data in the call that hands it to search.js.
func loadScript(name, data string) []byte {
	return []byte("window.PLANSITE_SEARCH_LOAD(" + string(appendJSONString(nil, name)) + "," + data + ");\n")
}

// docLine is a document as a JSON array [url, title, section, ruby].
func docLine(d Doc, ruby string) []byte {
	line := []byte("[")
	for i, s := range []string{d.URL, Compose(d.Title), Compose(d.Section), ruby} {
		if i > 0 {
			line = append(line, ',')
		}
		line = appendJSONString(line, s)
	}
	return append(line, ']')
}
