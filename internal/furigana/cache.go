package furigana

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/plansite/plansite/internal/atomicfile"
	"github.com/plansite/plansite/internal/buildid"
)

// cacheVersion names the analysis rules. Bump it when a change to this
// package changes readings; the cache key also holds the data files, the
// caller's dictionary and the binary's VCS revision.
const cacheVersion = "furigana-cache-2"

// Cache remembers the analysis of each distinct text (Analyze: every
// reading, whatever the mode), in memory and, when it has a folder, on
// disk between builds, so that an unchanged text is never analysed again
// and a build whose texts are all known never loads the analyzer's
// dictionary. It is safe for concurrent use.
//
// The file on disk is keyed by the analyzer's version, its dictionaries
// and the binary; it is safe to delete at any time, and a damaged or
// foreign file is ignored.
type Cache struct {
	a    *Annotator
	path string // "" keeps the cache in memory only

	mu      sync.RWMutex
	entries map[[16]byte]slot // text hash → where its encoded readings are
	arena   [][]byte          // the encoded readings, in blocks: the file read, then new ones
	fresh   int               // entries added since loading or saving
	misses  int               // texts analysed since the cache was made
	used    int               // entries used since the cache was made
}

// slot places one text's encoded readings in the arena. Keeping them in
// a few large blocks, not a slice each, keeps a site's cache (a million
// texts at 10,000 chapters) small and cheap for the garbage collector.
type slot struct {
	block, off, n uint32
	used          bool
}

// blockSize is the size of the arena's blocks for new entries.
const blockSize = 1 << 20

// NewCache returns a cache in front of a. dir is the cache folder ("" for
// memory only); the file for a's version and dictionaries is read now if it
// exists and is whole.
func NewCache(a *Annotator, dir string) *Cache {
	c := &Cache{a: a, entries: map[[16]byte]slot{}}
	if dir != "" {
		c.path = filepath.Join(dir, "furigana-"+a.fingerprint()+".bin")
		c.load()
	}
	return c
}

// Analyze is Annotator.Analyze, remembered.
func (c *Cache) Analyze(text string) []Token {
	if !hasKanji(text) {
		return c.a.Analyze(text)
	}
	k := key(text)
	c.mu.RLock()
	s, ok := c.entries[k]
	var enc []byte
	if ok {
		enc = c.bytes(s)
	}
	c.mu.RUnlock()
	if ok {
		if toks, ok := decodeTokens(text, enc); ok {
			if !s.used {
				c.markUsed(k)
			}
			return toks
		}
	}
	toks := c.a.Analyze(text)
	c.put(k, encodeTokens(toks))
	return toks
}

// bytes returns the encoded readings at s. The arena only grows, so the
// bytes stay valid after the lock is released.
func (c *Cache) bytes(s slot) []byte {
	return c.arena[s.block][s.off : s.off+s.n : s.off+s.n]
}

func (c *Cache) markUsed(k [16]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.entries[k]; !s.used {
		s.used = true
		c.entries[k] = s
		c.used++
	}
}

// put stores the encoded readings of the text with hash k, used.
func (c *Cache) put(k [16]byte, enc []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old, had := c.entries[k]
	if !had {
		c.fresh++
	}
	if !old.used {
		c.used++
	}
	c.misses++
	c.entries[k] = c.store(enc)
}

// store copies enc into the arena's last block, or a new one.
func (c *Cache) store(enc []byte) slot {
	last := len(c.arena) - 1
	if last < 0 || len(c.arena[last])+len(enc) > cap(c.arena[last]) {
		c.arena = append(c.arena, make([]byte, 0, max(blockSize, len(enc))))
		last++
	}
	b := c.arena[last]
	c.arena[last] = append(b, enc...)
	return slot{block: uint32(last), off: uint32(len(b)), n: uint32(len(enc)), used: true}
}

// Len is the number of texts the cache knows.
func (c *Cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}

// Misses is the number of texts the cache did not know and had analysed
// since it was made.
func (c *Cache) Misses() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.misses
}

// Save writes the cache file when texts were added, atomically. With prune
// it keeps only the texts used since the cache was made (a whole build),
// so the file does not grow with texts that are gone.
func (c *Cache) Save(prune bool) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.path == "" || (c.fresh == 0 && (!prune || c.used == len(c.entries))) {
		return nil
	}
	keys := make([][16]byte, 0, len(c.entries))
	for k, s := range c.entries {
		if !prune || s.used {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b [16]byte) int { return bytes.Compare(a[:], b[:]) })
	err := atomicfile.WriteFunc(c.path, func(f io.Writer) error {
		h := sha256.New()
		w := io.MultiWriter(f, h)
		if _, err := io.WriteString(w, cacheMagic); err != nil {
			return err
		}
		var rec []byte
		for _, k := range keys {
			enc := c.bytes(c.entries[k])
			rec = append(binary.AppendUvarint(append(rec, k[:]...), uint64(len(enc))), enc...)
			if _, err := w.Write(rec); err != nil {
				return err
			}
			rec = rec[:0]
		}
		_, err := f.Write(h.Sum(nil))
		return err
	})
	if err != nil {
		return err
	}
	c.fresh = 0
	removeStale(c.path)
	return nil
}

// removeStale deletes the cache files of other analyzer versions,
// dictionaries or binaries beside path: no build reads them again, and
// each is as large as the site's readings. A file that cannot be removed
// stays; it is only space.
func removeStale(path string) {
	others, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "furigana-*.bin"))
	for _, f := range others {
		if f != path {
			os.Remove(f)
		}
	}
}

const cacheMagic = "plansite furigana cache 1\n"

// load reads the cache file; a missing, damaged or foreign file leaves the
// cache empty.
func (c *Cache) load() {
	data, err := os.ReadFile(c.path)
	if err != nil || len(data) < len(cacheMagic)+sha256.Size || !strings.HasPrefix(string(data), cacheMagic) {
		return
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return
	}
	if len(data) > math.MaxUint32 {
		return
	}
	entries := map[[16]byte]slot{}
	off := len(cacheMagic)
	for off < len(body) {
		if len(body)-off < 16 {
			return
		}
		k := [16]byte(body[off : off+16])
		n, w := binary.Uvarint(body[off+16:])
		if w <= 0 || uint64(len(body)-off-16-w) < n {
			return
		}
		start := off + 16 + w
		entries[k] = slot{off: uint32(start), n: uint32(n)}
		off = start + int(n)
	}
	c.entries, c.arena = entries, [][]byte{body[:len(body):len(body)]}
}

func key(text string) [16]byte {
	s := sha256.Sum256([]byte(text))
	var k [16]byte
	copy(k[:], s[:])
	return k
}

// encodeTokens stores the ruby tokens only, as (gap, length, reading)
// triples of byte counts: the plain text comes back from the text itself.
func encodeTokens(toks []Token) []byte {
	var out []byte
	gap := 0
	for _, t := range toks {
		if t.Reading == "" {
			gap += len(t.Text)
			continue
		}
		out = binary.AppendUvarint(out, uint64(gap))
		out = binary.AppendUvarint(out, uint64(len(t.Text)))
		out = binary.AppendUvarint(out, uint64(len(t.Reading)))
		out = append(out, t.Reading...)
		gap = 0
	}
	return out
}

// decodeTokens rebuilds the tokens of text from encodeTokens' bytes; false
// when they do not fit the text.
func decodeTokens(text string, enc []byte) ([]Token, bool) {
	var out []Token
	pos := 0
	for len(enc) > 0 {
		var v [3]uint64
		for i := range v {
			n, w := binary.Uvarint(enc)
			if w <= 0 {
				return nil, false
			}
			v[i], enc = n, enc[w:]
		}
		gap, size, rlen := int(v[0]), int(v[1]), int(v[2])
		if gap < 0 || size <= 0 || rlen < 0 || pos+gap+size > len(text) || rlen > len(enc) {
			return nil, false
		}
		if gap > 0 {
			out = append(out, Token{Text: text[pos : pos+gap]})
		}
		pos += gap
		out = append(out, Token{Text: text[pos : pos+size], Reading: string(enc[:rlen])})
		pos += size
		enc = enc[rlen:]
	}
	if pos < len(text) {
		out = append(out, Token{Text: text[pos:]})
	}
	return out, true
}

// fingerprint names what the analysis depends on: the rules' version, the
// system dictionary, the words (built-in and the site's), and the binary.
func (a *Annotator) fingerprint() string {
	h := sha256.New()
	h.Write([]byte(cacheVersion + "\x00" + a.sys.name + "\x00" + builtinData + countersData + directionsData + motoData + municipalitiesData + "\x00" + buildid.Program()))
	words := make([]string, 0, len(a.words))
	for w, r := range a.words {
		words = append(words, w+"\t"+r)
	}
	slices.Sort(words)
	for _, w := range words {
		h.Write([]byte(w + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
