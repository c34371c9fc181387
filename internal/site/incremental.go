package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/plansite/plansite/internal/atomicfile"
	"github.com/plansite/plansite/internal/buildid"
	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/render"
	"github.com/plansite/plansite/internal/safefs"
	"github.com/plansite/plansite/internal/search"
)

// An incremental build carries over what did not change. Every page has a
// key: a hash of everything that can change it. Most inputs are shared by
// all pages (site.yaml, pillars, glossary, readings, the theme, the
// chapters' front matter, which gives titles to menus and neighbours: the
// global key); a chapter's body changes only its own two pages. A page
// whose key is the one the manifest of the previous build recorded, and
// whose file is still in the output, is linked from there instead of being
// rendered again, and its search documents come from the manifest. The
// search indexes and bundles are carried over when no page changed.
//
// The manifest lives in the cache folder, named after the output folder;
// without a cache folder every build renders everything.

// manifestFormat changes when the manifest's layout does.
const manifestFormat = "plansite manifest 6"

// manifest records what a build wrote into an output folder.
type manifest struct {
	Format  string
	Program string
	Pages   map[string]pageRecord // output path → record
	Derived map[string]derived    // "search", "bundles" → what made them

	Warnings map[string][]string // each Markdown block's warnings, by the block's key
	Books    map[string][]byte   // each EPUB's memo of its pages, by the EPUB's path (see bundle.Reuse)

	// DocsSum is the SHA-256 of the file beside the manifest that holds
	// each page's search records (docsPath). They are read only when a
	// build carries pages over and makes the search index again.
	DocsSum string
	docs    map[string][]search.Record // output path → records, when known
}

// derived records a derived output: the key of its inputs and its files.
type derived struct {
	Key   string
	Files []string
}

// pageRecord is what the next build needs of a page it does not render.
type pageRecord struct {
	Key    string
	Size   int64
	Copies map[string]string // content files the page links to: output path → content path
}

// Session is what a long-running process (the preview server) keeps
// between builds so that each rebuild does only what an edit needs: the
// reading cache, the last build's manifest and the content files read. A
// build in a session without the bundles updates the output of the
// session's last build in place, trusting it to hold what that build
// wrote: nothing else may write that folder between the session's
// builds. The zero Session is ready.
type Session struct {
	last *manifest
	dest string

	readings    *furigana.Cache
	readingsKey string       // the dictionary the cache was made with
	files       *safefs.Memo // the content files read, to load the plan again fast
	root        string       // the site folder of the files
	written     []string     // the files of the output dest, which the last build made
}

// sources is the content of the site folder root, read through the
// session's memo of files when there is a session.
func (s *Session) sources(root string) safefs.FS {
	fsys := safefs.New(root, safefs.SourceLimit)
	if s != nil {
		if s.files == nil || s.root != root {
			s.files, s.root = safefs.NewMemo(), root
		}
		fsys.Memo = s.files
	}
	return fsys
}

// Changed tells the session, between two builds, which files and folders
// of the site changed since its last build (absolute paths, as a watcher
// reports them): the next build reads those again and takes every other
// content file and folder listing from memory, without looking at the
// disk. all says that changes may have been missed: then every file is
// checked on disk again. A session never told checks every file on every
// build.
func (s *Session) Changed(paths []string, all bool) {
	if s.files == nil {
		return // nothing remembered yet
	}
	abs, err := filepath.Abs(s.root)
	if all || err != nil {
		s.files.Distrust()
		return
	}
	local := make([]string, len(paths))
	for i, p := range paths {
		rel, err := filepath.Rel(abs, p)
		if err != nil {
			s.files.Distrust()
			return
		}
		local[i] = filepath.Join(s.root, rel) // as the memo names its files
	}
	s.files.Trust(local)
}

// readingCache returns the session's reading cache when it was made with
// the same dictionary, else a new one (kept in the session, if any).
func (s *Session) readingCache(dict map[string]string, dir string) *furigana.Cache {
	words := make([]string, 0, len(dict))
	for w, r := range dict {
		words = append(words, w+"\t"+r)
	}
	sort.Strings(words)
	h := sha256.Sum256([]byte(strings.Join(words, "\n") + "\x00" + dir))
	key := hex.EncodeToString(h[:])
	if s != nil && s.readings != nil && s.readingsKey == key {
		return s.readings
	}
	c := furigana.NewCache(furigana.New(furigana.Dictionary(dict)), dir)
	if s != nil {
		s.readings, s.readingsKey = c, key
	}
	return c
}

// manifestPath is the manifest file of the output folder dest.
func manifestPath(cacheDir, dest string) string {
	abs, err := filepath.Abs(dest)
	if err != nil {
		abs = dest
	}
	h := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "build-"+hex.EncodeToString(h[:8])+".gob")
}

// emptyManifest is the manifest of no build.
func emptyManifest() *manifest {
	return &manifest{Pages: map[string]pageRecord{}, Derived: map[string]derived{}}
}

// previousManifest returns the manifest of the last build into the
// destination, or an empty one: from the session when it has one, else
// from the cache folder. A damaged or foreign file is ignored.
func (b *builder) previousManifest() *manifest {
	empty := emptyManifest()
	if s := b.opts.Session; s != nil && s.last != nil && s.dest == b.opts.Dest {
		return s.last
	}
	if b.opts.CacheDir == "" {
		return empty
	}
	data, err := os.ReadFile(manifestPath(b.opts.CacheDir, b.opts.Dest))
	if err != nil {
		return empty
	}
	var m manifest
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&m) != nil || m.Format != manifestFormat || m.Program != buildid.Program() {
		return empty
	}
	return &m
}

// docsPath is the file of the search records of the manifest's pages.
func docsPath(manifest string) string {
	return strings.TrimSuffix(manifest, ".gob") + "-search.gob"
}

// loadDocs reads the search records of m's pages, unless m has them;
// false when they are missing or damaged.
func (b *builder) loadDocs(m *manifest) bool {
	if m.docs != nil {
		return true
	}
	if b.opts.CacheDir == "" || m.DocsSum == "" {
		return false
	}
	f, err := os.Open(docsPath(manifestPath(b.opts.CacheDir, b.opts.Dest)))
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	docs, err := readDocs(bufio.NewReader(io.TeeReader(f, h)))
	if err != nil {
		return false
	}
	if _, err := io.Copy(h, f); err != nil || hex.EncodeToString(h.Sum(nil)) != m.DocsSum {
		return false
	}
	m.docs = docs
	return true
}

// writeDocs writes the pages' search records to w as a stream of
// (output path, records) pairs in path order, ending with an empty path:
// one page at a time, so that encoding them never holds a copy of all.
func writeDocs(w io.Writer, docs map[string][]search.Record) error {
	paths := make([]string, 0, len(docs))
	for p := range docs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	enc := gob.NewEncoder(w)
	for _, p := range paths {
		if err := enc.Encode(p); err != nil {
			return err
		}
		if err := enc.Encode(docs[p]); err != nil {
			return err
		}
	}
	return enc.Encode("")
}

// readDocs reads what writeDocs wrote.
func readDocs(r io.Reader) (map[string][]search.Record, error) {
	dec := gob.NewDecoder(r)
	docs := map[string][]search.Record{}
	for {
		var p string
		if err := dec.Decode(&p); err != nil {
			return nil, err
		}
		if p == "" {
			return docs, nil
		}
		var recs []search.Record
		if err := dec.Decode(&recs); err != nil {
			return nil, err
		}
		docs[p] = recs
	}
}

// remember keeps the manifest of the build just committed into dest,
// and the files it wrote there, for the session's next build (none after
// a failed commit).
func (s *Session) remember(m *manifest, dest string, written []string) {
	if s != nil {
		s.last, s.dest, s.written = m, dest, written
	}
}

// saveDocs writes the search records of m's pages into the file beside
// the manifest file path and records its sum in m.
func saveDocs(path string, m *manifest) error {
	h := sha256.New()
	err := atomicfile.WriteFunc(docsPath(path), func(w io.Writer) error {
		return writeDocs(io.MultiWriter(w, h), m.docs)
	})
	if err != nil {
		return err
	}
	m.DocsSum = hex.EncodeToString(h.Sum(nil))
	return nil
}

// releaseDocs lets the pages' search records go once the search index is
// written, in a build without a session (a session keeps them for its next
// build): they are saved beside the manifest now, or dropped when there is
// no cache folder, so that the bundles are not made while they are held
// (160 MB at 10,000 chapters). A failed build then leaves a records file
// that the previous manifest's sum does not match: the next build renders
// every page again, which is slower but right.
func (b *builder) releaseDocs(prev, next *manifest) error {
	if b.opts.Session != nil || next.docs == nil {
		return nil
	}
	prev.docs = nil
	if b.opts.CacheDir != "" {
		if err := saveDocs(manifestPath(b.opts.CacheDir, b.opts.Dest), next); err != nil {
			return err
		}
	}
	next.docs = nil
	return nil
}

// saveManifest keeps m for the next build in the cache folder.
func (b *builder) saveManifest(m *manifest) error {
	if b.opts.CacheDir == "" || !b.persist() {
		return nil
	}
	path := manifestPath(b.opts.CacheDir, b.opts.Dest)
	if m.docs != nil {
		if err := saveDocs(path, m); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes())
}

// globalKey hashes every input that can change any page: the program, the
// build options, the theme's files, and every content file but the bodies
// of chapters (their front matter counts).
func (b *builder) globalKey() (string, error) {
	h := sha256.New()
	write := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(strconv.Itoa(len(p))))
			h.Write([]byte{':'})
			h.Write([]byte(p))
		}
	}
	// the home pages link the PDFs only when there is a browser to print them
	write(manifestFormat, buildid.Program(), strconv.FormatBool(b.opts.Minify), strconv.FormatBool(b.chromium != ""))
	err := fs.WalkDir(b.theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(b.theme, p)
		write(p, string(data))
		return err
	})
	if err != nil {
		return "", err
	}
	bodies := map[string]bool{}
	for _, c := range b.site.Chapters {
		write(c.File, frontOf(c.Body, c.BodyLine))
		bodies[c.File] = true
		if c.Easy != nil {
			write(c.Easy.File, frontOf(c.Easy.Body, c.Easy.BodyLine))
			bodies[c.Easy.File] = true
		}
	}
	if err := b.hashContent(write, bodies); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashContent feeds every regular file under content/ but the chapters
// to write, in name order. Other entries (links, devices) are named only:
// the loader decides what it reads.
func (b *builder) hashContent(write func(...string), skip map[string]bool) error {
	root := filepath.Join(b.root, "content")
	var names []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(b.root, p)
		rel = filepath.ToSlash(rel)
		if !skip[rel] {
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, n := range names {
		full := filepath.Join(b.root, filepath.FromSlash(n))
		st, err := os.Lstat(full)
		if err != nil || !st.Mode().IsRegular() {
			write(n, "not a regular file")
			continue
		}
		data, err := b.contentFS().ReadFile(n)
		if errors.Is(err, safefs.ErrTooLarge) {
			write(n, "too large") // never held in memory; a link to it is an error
			continue
		}
		if err != nil {
			return err
		}
		write(n, string(data))
	}
	return nil
}

// frontOf is the front matter of a chapter file: its lines before the
// body.
func frontOf(file []byte, bodyLine int) string {
	end := 0
	for line := 1; line < bodyLine && end < len(file); line++ {
		i := bytes.IndexByte(file[end:], '\n')
		if i < 0 {
			return string(file)
		}
		end += i + 1
	}
	return string(file[:end])
}

// pageKey hashes the inputs of one page: the global key, the page itself
// and, for a chapter, its files (by their sums).
func (b *builder) pageKey(global string, pg *render.Page) string {
	h := sha256.New()
	for _, s := range []string{global, pg.Kind(), pg.Path(), pg.File()} {
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	if pg.Chapter() != nil {
		h.Write(pg.Chapter().Sum[:])
		if pg.Chapter().Easy != nil {
			h.Write([]byte{0})
			h.Write(pg.Chapter().Easy.Sum[:])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// derivedKey hashes the keys of all pages: the inputs of the search
// indexes and the bundles.
func derivedKey(keys []string) string {
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k))
	}
	return hex.EncodeToString(h.Sum(nil))
}
