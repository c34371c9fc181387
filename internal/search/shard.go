package search

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/klauspost/compress/flate"

	"github.com/plansite/plansite/internal/parallel"
)

// # Shards
//
// A site of thousands of pages has an index of many megabytes, too much to
// load for one query. WriteSharded splits it so that a query loads only
// what it needs, still as classic scripts (file:// allows no fetch):
//
//   - the entry script (search-index.js) describes the rest:
//     window.PLANSITE_SEARCH = {"version":3,"dir":…,"grams":S,"count":N,"chunks":[…]};
//   - document chunks d0.js, d1.js, … hold the documents in index order,
//     each a JSON array of [url, title, section, ruby], about ChunkBytes
//     of JSON each; "chunks" lists the id of each chunk's first document;
//   - gram shards g0.js … g(S-1).js map each character (unigram) and each
//     pair of neighbouring characters (bigram) of a document's normalised
//     text, reading or title to the ids of the documents that have it,
//     about ShardBytes of JSON each. A gram's shard is the FNV-1a hash of
//     its code points modulo S (gramHash; search.js computes the same).
//
// Each file calls window.PLANSITE_SEARCH_LOAD(name, data), where data is
// the file's JSON compressed with raw DEFLATE (RFC 1951) and written in
// base64: search.js decodes it with atob and its own inflate (a
// table-driven decoder, a millisecond or two for a chunk), which works in
// every browser and from file://, where DecompressionStream costs several
// milliseconds a file. Compression makes the chunks about a quarter of
// their JSON and the shards about half (base64 included).
//
// A query word occurs in a document only if every bigram of the word does
// (a one-character word: its unigram), so intersecting the grams' lists
// gives every document that can match, and search.js loads only the
// chunks of those candidates to check them: recall stays 100%. Ids in a
// list are ascending and written as differences in a base-64
// variable-length code (see appendID).
//
// # Memory
//
// A record keeps its fields deflated (at BestSpeed; 15 MB for the 11,000
// documents of a 1,000-chapter site, where the JSON lines and grams took
// 54 MB) and no grams: WriteSharded decodes the records chunk by
// chunk, a batch of chunks at a time on the workers, finds their grams
// again and appends each document's id to the grams' lists, which it
// keeps already encoded. It holds the compressed records, the lists and
// one batch of chunks, never the whole index, and hands each file to its
// caller as soon as it is made.

const (
	// ChunkBytes is the size of JSON a document chunk aims at: small, so
	// that a query whose candidates are spread over the site loads little
	// for each (about 9 KB on disk), large enough that a frequent word's
	// first results come from a few files.
	ChunkBytes = 32 << 10
	// ShardBytes is the size of JSON a gram shard aims at.
	ShardBytes = 32 << 10
	// batchChunks is how many chunks the workers decode at once.
	batchChunks = 64
)

// Record is a document made ready for the index. A build makes each
// page's records while it renders the page (in parallel) and keeps only
// these, which are far smaller than the documents. Records sort by URL
// (numbers by value), then by Line.
type Record struct {
	URL  string
	Size int    // bytes of the fields
	Line []byte // url, title, section and ruby text, each after its length (uvarint), raw DEFLATE
}

// Records makes the records of docs.
func Records(docs []Doc) []Record {
	out := make([]Record, 0, len(docs))
	for _, d := range docs {
		out = append(out, newRecord(d.URL, Compose(d.Title), Compose(d.Section), encodeRuby(d.segments())))
	}
	return out
}

// newRecord packs the fields of a document line.
func newRecord(fields ...string) Record {
	var b []byte
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	return Record{URL: fields[0], Size: len(b), Line: deflate(b, flate.BestSpeed)}
}

// fields unpacks a record made by newRecord.
func (r Record) fields() ([4]string, error) {
	var f [4]string
	b, err := inflate(r.Line)
	for i := range f {
		n, k := binary.Uvarint(b)
		if err != nil || k <= 0 || n > uint64(len(b)-k) {
			return f, fmt.Errorf("search record of %s: damaged", r.URL)
		}
		f[i], b = string(b[k:k+int(n)]), b[k+int(n):]
	}
	return f, nil
}

// WriteSharded makes the index of recs: it calls write with each chunk
// and shard file, named relative to the index's folder dir (which ends in
// "/" and is relative to the entry script), in a fixed order, and returns
// the entry script. The output depends only on the set of records.
// workers is the number of goroutines that compress.
func WriteSharded(recs []Record, dir string, workers int, write func(name string, data []byte) error) ([]byte, error) {
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := naturalCompare(recs[a].URL, recs[b].URL); c != 0 {
			return c
		}
		return bytes.Compare(recs[a].Line, recs[b].Line)
	})
	chunks := chunkStarts(recs, order)
	lists := map[gram]*postings{}
	for first := 0; first < len(chunks); first += batchChunks {
		batch := make([]chunkOut, min(batchChunks, len(chunks)-first))
		errs := make([]error, len(batch))
		parallel.For(len(batch), workers, func(i int) {
			c := first + i
			end := len(order)
			if c+1 < len(chunks) {
				end = chunks[c+1]
			}
			batch[i], errs[i] = makeChunk(recs, order[chunks[c]:end], fmt.Sprintf("d%d", c))
		})
		if err := errors.Join(errs...); err != nil {
			return nil, err
		}
		for i, out := range batch {
			c := first + i
			if err := write(fmt.Sprintf("d%d.js", c), out.data); err != nil {
				return nil, err
			}
			for k, gs := range out.grams {
				for _, g := range gs {
					p := lists[g]
					if p == nil {
						p = &postings{last: -1}
						lists[g] = p
					}
					p.add(chunks[c] + k)
				}
			}
		}
	}
	shards, err := writeShards(lists, workers, write)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("/* plansite search index: generated, do not edit. */\n")
	fmt.Fprintf(&b, `window.PLANSITE_SEARCH = {"version":3,"dir":%s,"grams":%d,"count":%d,"chunks":[`, appendJSONString(nil, dir), shards, len(recs))
	for i, c := range chunks {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, c)
	}
	b.WriteString("]};\n")
	return []byte(b.String()), nil
}

// chunkStarts cuts the records, in order, into chunks of about
// ChunkBytes and returns the position of each chunk's first record.
func chunkStarts(recs []Record, order []int) []int {
	var starts []int
	size := 0
	for pos, i := range order {
		if pos == 0 || size >= ChunkBytes {
			starts = append(starts, pos)
			size = 0
		}
		size += recs[i].Size + 2
	}
	return starts
}

// chunkOut is a document chunk's file and the distinct grams of each of
// its documents.
type chunkOut struct {
	data  []byte
	grams [][]gram
}

// makeChunk decodes the records of one chunk and makes its file.
func makeChunk(recs []Record, order []int, name string) (chunkOut, error) {
	var out chunkOut
	var buf bytes.Buffer
	buf.WriteByte('[')
	var line []byte
	for k, i := range order {
		f, err := recs[i].fields()
		if err != nil {
			return out, err
		}
		out.grams = append(out.grams, docGrams(f[1], decodeRuby(f[3])))
		if k > 0 {
			buf.WriteString(",\n")
		}
		buf.Write(appendLine(line[:0], f))
	}
	buf.WriteByte(']')
	out.data = loadScript(name, buf.Bytes())
	return out, nil
}

// postings is a gram's list of documents as it is being written.
type postings struct {
	last int
	code []byte
}

func (p *postings) add(id int) {
	p.code = appendID(p.code, id-p.last-1)
	p.last = id
}

// writeShards groups the grams into shards of about ShardBytes by their
// hash, writes them and returns their number.
func writeShards(lists map[gram]*postings, workers int, write func(name string, data []byte) error) (int, error) {
	total := 0
	for g, p := range lists {
		total += len(g.String()) + len(p.code) + 6
	}
	n := max(1, (total+ShardBytes-1)/ShardBytes)
	keys := make([][]gram, n)
	for g := range lists {
		i := g.hash() % uint32(n)
		keys[i] = append(keys[i], g)
	}
	for first := 0; first < n; first += batchChunks {
		files := make([][]byte, min(batchChunks, n-first))
		parallel.For(len(files), workers, func(i int) {
			gs := keys[first+i]
			slices.Sort(gs)
			var obj []byte
			obj = append(obj, '{')
			for k, g := range gs {
				if k > 0 {
					obj = append(obj, ",\n"...)
				}
				obj = appendJSONString(obj, g.String())
				obj = append(obj, ':', '"')
				obj = append(obj, lists[g].code...) // idDigits need no escaping
				obj = append(obj, '"')
			}
			obj = append(obj, '}')
			files[i] = loadScript(fmt.Sprintf("g%d", first+i), obj)
		})
		for i, data := range files {
			if err := write(fmt.Sprintf("g%d.js", first+i), data); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// gram is a unigram or a bigram: its first character in the high 32 bits,
// its second in the low (0 for a unigram: normalised text has no NUL).
// Ordering grams by value orders them as their UTF-8 strings.
type gram uint64

func newGram(a, b rune) gram { return gram(uint64(a)<<32 | uint64(uint32(b))) }

func (g gram) runes() []rune {
	if uint32(g) == 0 {
		return []rune{rune(g >> 32)}
	}
	return []rune{rune(g >> 32), rune(uint32(g))}
}

func (g gram) String() string { return string(g.runes()) }

// hash is the 32-bit FNV-1a hash of the gram's code points, each taken
// as one 32-bit value (search.js: gramHash).
func (g gram) hash() uint32 {
	h := uint32(2166136261)
	for _, r := range g.runes() {
		h = (h ^ uint32(r)) * 16777619
	}
	return h
}

// docGrams returns the distinct grams of a document's normalised text,
// reading and title as search.js folds them, ascending. The reading's
// grams within literal pieces are the text's, so only those that touch a
// run's reading are added for it.
func docGrams(title string, segs []seg) []gram {
	var out []gram
	var text strings.Builder
	for _, s := range segs {
		text.WriteString(foldRunes(s.base))
	}
	out = appendGrams(out, text.String())
	out = appendGrams(out, Normalize(title))
	var prev rune = -1
	for _, s := range segs {
		if s.reading == "" {
			if len(s.base) > 0 {
				if r := fold(s.base[0]); prev >= 0 {
					out = append(out, newGram(prev, r))
				}
				prev = fold(s.base[len(s.base)-1])
			}
			continue
		}
		for _, r := range s.reading {
			out = append(out, newGram(r, 0))
			if prev >= 0 {
				out = append(out, newGram(prev, r))
			}
			prev = r
		}
	}
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

func foldRunes(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// appendGrams appends the unigrams and bigrams of s.
func appendGrams(out []gram, s string) []gram {
	var prev rune = -1
	for _, r := range s {
		out = append(out, newGram(r, 0))
		if prev >= 0 {
			out = append(out, newGram(prev, r))
		}
		prev = r
	}
	return out
}

// idDigits is the alphabet of the id code: the first 32 characters end a
// number, the last 32 carry 5 more bits.
const idDigits = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ_-$*+!"

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

// loadScript hands JSON data to search.js, compressed and in base64.
func loadScript(name string, data []byte) []byte {
	z := deflate(data, flate.DefaultCompression)
	out := make([]byte, 0, len(name)+base64.StdEncoding.EncodedLen(len(z))+40)
	out = append(out, "window.PLANSITE_SEARCH_LOAD("...)
	out = appendJSONString(out, name)
	out = append(out, ",\""...)
	out = base64.StdEncoding.AppendEncode(out, z)
	return append(out, "\");\n"...)
}

// appendLine appends a document as a JSON array [url, title, section,
// ruby].
func appendLine(line []byte, f [4]string) []byte {
	line = append(line, '[')
	for i, s := range f {
		if i > 0 {
			line = append(line, ',')
		}
		line = appendJSONString(line, s)
	}
	return append(line, ']')
}

var writers [flate.BestCompression + 2]sync.Pool // by level + 1

// deflate compresses data with raw DEFLATE at level.
func deflate(data []byte, level int) []byte {
	var buf bytes.Buffer
	w, _ := writers[level+1].Get().(*flate.Writer)
	if w == nil {
		w, _ = flate.NewWriter(&buf, level) // the level is valid
	} else {
		w.Reset(&buf)
	}
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	writers[level+1].Put(w)
	return bytes.Clone(buf.Bytes())
}

// inflate undoes deflate.
func inflate(z []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	return io.ReadAll(r)
}
