package plan

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/safefs"
)

// ContentDir is the folder, inside a site's root, that holds its content.
const ContentDir = "content"

// Load reads the plan in root/content and validates it. It returns every
// problem found, as a diag.List, rather than stopping at the first one.
// File names in errors are relative to root (for example
// content/pillars/1-soudan.yaml). With errors, the site is returned too
// when site.yaml could be read, as far as it loaded, so that later stages
// can report their own problems in the same run; it must not be built.
//
// Files are read safely (safefs): regular files only, links that stay
// inside root, and at most safefs.SourceLimit bytes each.
func Load(root string) (*Site, error) {
	return LoadFS(safefs.New(root, safefs.SourceLimit), root)
}

// LoadFS is Load reading through fsys, whose root holds content/: tests
// build a site from an fstest.MapFS or a txtar archive. dir is recorded as
// the site's Dir.
func LoadFS(fsys fs.FS, dir string) (*Site, error) {
	l := &loader{root: dir, fsys: fsys, unloaded: map[string]bool{}}
	s := l.site()
	if s == nil {
		return nil, l.errs.Err()
	}
	s.Chapters = l.chapters()
	s.Pillars = l.pillars()
	s.Glossary = l.glossary()
	s.Readings = l.readings()
	s.A11yResults = l.a11yResults()
	l.errs.Add(Validate(s))
	s.Unloaded = l.unloaded
	return s, l.errs.Err()
}

// loader collects errors while reading files.
type loader struct {
	root     string
	fsys     fs.FS
	errs     diag.List
	unloaded map[string]bool
}

// failed records that the file name exists but could not be loaded.
func (l *loader) failed(name string) { l.unloaded[name] = true }

// read returns the file at rel (relative to the content folder), checking
// that it is UTF-8 without control characters. A missing optional file
// returns nil.
func (l *loader) read(rel string, optional bool) ([]byte, string) {
	src, name, _ := l.readSum(rel, optional)
	return src, name
}

// readSum is read, also returning the SHA-256 of the file's bytes.
func (l *loader) readSum(rel string, optional bool) ([]byte, string, [32]byte) {
	name := path.Join(ContentDir, rel)
	src, sum, err := readFileSum(l.fsys, name)
	if optional && errors.Is(err, fs.ErrNotExist) {
		return nil, name, sum
	}
	if err != nil {
		msg, hint := safefs.Problem(err)
		l.errs.Add(diag.New(name, 0, "cannot read: "+msg, hint))
		l.failed(name)
		return nil, name, sum
	}
	if err := checked.get(name, sum, func() error { return checkText(name, src) }); err != nil {
		l.errs.Add(err)
		l.failed(name)
		return nil, name, sum
	}
	return normalizeNewlines(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))), name, sum
}

// A SumFS is a file system that knows the SHA-256 of the files it reads
// without hashing them on every read: safefs.FS with a Memo, which a
// preview server keeps between loads. The loader then remembers by it
// what it derived from a file that did not change (the text check, the
// front matter) instead of doing it again.
type SumFS interface {
	fs.FS
	ReadFileSum(name string) ([]byte, [32]byte, error)
}

// readFileSum reads the file name of fsys with the SHA-256 of its bytes.
func readFileSum(fsys fs.FS, name string) ([]byte, [32]byte, error) {
	if s, ok := fsys.(SumFS); ok {
		return s.ReadFileSum(name)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, [32]byte{}, err
	}
	return data, sha256.Sum256(data), nil
}

func (l *loader) site() *Site {
	src, name := l.read("site.yaml", false)
	if src == nil {
		return nil
	}
	s := &Site{Dir: l.root}
	err := decodeStrict(name, src, s)
	l.errs.Add(err)
	var syn *SyntaxError
	if errors.As(err, &syn) {
		return nil // nothing to validate
	}
	return s
}

// list returns the sorted names in the content sub-folder dir with suffix.
func (l *loader) list(dir, suffix string) []string {
	entries, err := fs.ReadDir(l.fsys, path.Join(ContentDir, dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		msg, hint := safefs.Problem(err)
		l.errs.Add(diag.New(path.Join(ContentDir, dir), 0, "cannot list the folder: "+msg, hint))
		return nil
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, suffix) && !strings.HasPrefix(n, ".") && checkName(dir, n, &l.errs) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// chapters reads the chapters sorted by weight, then file name, and
// attaches each easy-read text to its standard chapter.
func (l *loader) chapters() []*Chapter {
	var out []*Chapter
	easy := map[string]*EasyChapter{}
	std := map[string]bool{} // standard chapters, also those that failed to read
	for _, n := range l.list("chapters", ".md") {
		if slug, ok := strings.CutSuffix(n, ".easy.md"); ok {
			if e := l.easyChapter(n); e != nil {
				easy[slug] = e
			}
			continue
		}
		std[strings.TrimSuffix(n, ".md")] = true
		if c := l.chapter(n); c != nil {
			out = append(out, c)
		}
	}
	for slug, e := range easy {
		if !attachEasy(out, slug, e) && !std[slug] {
			l.errs.Add(diag.New(e.File, 1, "easy-read text has no standard chapter",
				fmt.Sprintf("name it after an existing chapter, e.g. chapters/%s.easy.md next to chapters/%s.md", slug, slug)))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Front.Weight < out[j].Front.Weight })
	return out
}

func attachEasy(chs []*Chapter, slug string, e *EasyChapter) bool {
	for _, c := range chs {
		if c.Slug == slug {
			c.Easy = e
			return true
		}
	}
	return false
}

func (l *loader) chapter(n string) *Chapter {
	src, name, sum := l.readSum(path.Join("chapters", n), false)
	if src == nil {
		return nil
	}
	c := &Chapter{File: name, Slug: strings.TrimSuffix(n, ".md"), Body: src, Sum: sum}
	c.BodyLine = l.front(name, src, sum, &c.Front)
	return c
}

// front parses the front matter of the chapter file name, whose bytes
// have the SHA-256 sum, into f and returns the line where the body
// starts.
func (l *loader) front(name string, src []byte, sum [32]byte, f *Front) int {
	r := fronts.get(name, sum, func() (r parsedFront) {
		r.line, r.err = parseFront(name, src, &r.front)
		return r
	})
	*f = r.front
	l.errs.Add(r.err)
	return r.line
}

// A fileMemo remembers what the loader derived from a file, by the file's
// name, as long as the file's bytes have the same SHA-256: a preview
// server loads the plan on every save while most files stay as they were.
// It keeps one result per file name (an edited file replaces its old
// result), at most maxMemo names, and is safe for concurrent use.
type fileMemo[T any] struct {
	mu sync.Mutex
	m  map[string]memoEntry[T]
}

type memoEntry[T any] struct {
	sum [32]byte
	v   T
}

// maxMemo bounds each fileMemo.
const maxMemo = 100000

// get returns the result remembered for the file, or remembers and
// returns make's.
func (c *fileMemo[T]) get(name string, sum [32]byte, make func() T) T {
	c.mu.Lock()
	e, ok := c.m[name]
	c.mu.Unlock()
	if ok && e.sum == sum {
		return e.v
	}
	v := make()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxMemo {
		c.m = map[string]memoEntry[T]{}
	}
	c.m[name] = memoEntry[T]{sum, v}
	return v
}

// The results the loader remembers: the text check, the chapters' front
// matter and the YAML trees of the pillars (see loader.decode).
var (
	checked fileMemo[error]
	fronts  fileMemo[parsedFront]
	trees   fileMemo[parsedYAML]
)

// decode is decodeStrict for the file name, whose bytes src have the
// SHA-256 sum, into a pillar. For a file system that remembers files
// between loads (a preview session, see Remembers), the parsed YAML tree
// and its unknown keys are remembered too, since they are most of the
// cost of a pillar file; a one-shot build keeps none.
func (l *loader) decode(name string, src []byte, sum [32]byte, p *Pillar) error {
	if r, ok := l.fsys.(Remembers); !ok || !r.Remembers() {
		return decodeStrict(name, src, p)
	}
	t := trees.get(name, sum, func() parsedYAML { return parseFor(name, src, reflect.TypeOf(p)) })
	return decodeParsed(name, src, t, p)
}

// Remembers is a file system that can say whether it keeps the files it
// read for the next load (safefs.FS with a Memo).
type Remembers interface {
	Remembers() bool
}

type parsedFront struct {
	front Front
	line  int
	err   error
}

func (l *loader) easyChapter(n string) *EasyChapter {
	src, name, sum := l.readSum(path.Join("chapters", n), false)
	if src == nil {
		return nil
	}
	e := &EasyChapter{File: name, Body: src, Sum: sum}
	e.BodyLine = l.front(name, src, sum, &e.Front)
	return e
}

func (l *loader) pillars() []*Pillar {
	var out []*Pillar
	for _, n := range l.list("pillars", ".yaml") {
		src, name, sum := l.readSum(path.Join("pillars", n), false)
		if src == nil {
			continue
		}
		p := &Pillar{}
		err := l.decode(name, src, sum, p)
		l.errs.Add(err)
		var syn *SyntaxError
		if errors.As(err, &syn) {
			l.failed(name)
			continue
		}
		p.File, p.Slug, p.Partial = name, strings.TrimSuffix(n, ".yaml"), isPartial(err)
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}

func (l *loader) glossary() []*Term {
	src, name := l.read("glossary.yaml", true)
	if src == nil {
		return nil
	}
	var terms []*Term
	err := decodeStrict(name, src, &terms)
	l.errs.Add(err)
	if isPartial(err) || errors.As(err, new(*SyntaxError)) {
		l.failed(name) // terms may be missing: links to them are not checked
	}
	return terms
}

func (l *loader) readings() map[string]string {
	src, name := l.read("readings.yaml", true)
	if src == nil {
		return nil
	}
	root, err := parseYAML(name, src)
	if err != nil {
		l.errs.Add(err)
		return nil
	}
	return readingsOf(name, root.Content[0], &l.errs)
}

// LoadReadings reads only content/readings.yaml under root, for tools that
// annotate text outside a build. A missing file gives an empty dictionary.
func LoadReadings(root string) (map[string]string, error) {
	l := &loader{root: root, fsys: safefs.New(root, safefs.SourceLimit), unloaded: map[string]bool{}}
	m := l.readings()
	return m, l.errs.Err()
}
