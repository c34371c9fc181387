// Package output is the last stage of a build: the folder a build streams
// its files into, which replaces the destination in one step only when the
// whole build succeeded. Files are minified by type as they are written,
// and a file whose bytes equal the previous output's is hard-linked from
// it instead of written again.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"github.com/plansite/plansite/internal/atomicfile"
	"github.com/tdewolff/minify/v2"
)

// Folder is the temporary folder a build streams its files into, beside
// the destination (or, made by Update, only the files that changed). Each file is minified (when asked) and written as soon
// as it is made, so the site is never held in memory whole. A file whose
// bytes equal the previous build's is hard-linked from it instead of
// written again. The folder replaces the destination only when the whole
// build succeeded (Commit); otherwise it is removed (Discard). Its methods
// are safe for concurrent use.
type Folder struct {
	dir   string // the temporary folder
	prev  string // the previous output, for carrying unchanged files over
	name  string // the destination as the user named it, for messages
	where int    // beside or inside the destination
	min   *minify.M

	// inPlace: the folder holds only the files that changed, which Commit
	// moves into the destination one by one (see Update), where the files
	// previous are.
	inPlace  bool
	previous []string

	mu    sync.Mutex
	paths []string // every file written, in no particular order
}

// New makes the temporary folder for dest. When dest is a symbolic
// link to a folder (public → the web server's folder), the folder it
// points to is the one replaced, and the link stays. The temporary folder
// is made beside the destination, or inside it when the destination is a
// mount point or only the destination itself is writable (see place).
func New(dest string, doMinify bool) (*Folder, error) {
	name := dest
	dest = filepath.Clean(dest)
	if st, err := os.Lstat(dest); err == nil && st.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(dest)
		if err != nil {
			return nil, fmt.Errorf("output folder %s is a link to a missing folder (%w): fix or remove the link", name, err)
		}
		dest = target
	}
	tmp, where, err := place(name, dest)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	o := &Folder{dir: tmp, prev: dest, name: name, where: where}
	if doMinify {
		o.min = minifier()
	}
	return o, nil
}

// Update makes a folder for a build that changes the output in dest in
// place, as a preview server does on every save: files equal to the
// destination's are left where they are (Link, LinkSized, Keep and equal
// writes only record them), changed files are written into a temporary
// folder, and Commit moves each into dest by a rename, so that a reader
// of dest finds every file whole, old or new, and removes the files of
// previous (the files dest holds: those the build that made it recorded)
// that this build did not record. Commit's work grows with the files that
// changed, not with the site. Discard leaves dest as it was. A build that
// needs the whole output in one folder (bundles, PDFs) uses New.
func Update(dest string, doMinify bool, previous []string) (*Folder, error) {
	o, err := New(dest, doMinify)
	if err != nil {
		return nil, err
	}
	o.inPlace, o.previous = true, previous
	return o, nil
}

// Write minifies data by the type of p's extension and writes it as p. It
// returns the size written.
func (o *Folder) Write(p string, data []byte) (int64, error) {
	data, err := o.Minify(p, data)
	if err != nil {
		return 0, err
	}
	return int64(len(data)), o.WriteRaw(p, data)
}

// Minify returns data minified by the type of p's extension, as Write
// would write it (unchanged when the folder does not minify).
func (o *Folder) Minify(p string, data []byte) ([]byte, error) {
	if o.min == nil {
		return data, nil
	}
	mt, ok := mediaTypes[path.Ext(p)]
	if !ok {
		return data, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	if err := o.min.Minify(mt, &buf, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", p, err)
	}
	return buf.Bytes(), nil
}

// WriteRaw writes data as p without minifying it.
func (o *Folder) WriteRaw(p string, data []byte) error {
	if err := o.put(p, data); err != nil {
		return err
	}
	o.Add(path.Clean(p))
	return nil
}

// WriteStream writes the file p with write, which streams its content to
// w (buffered), so that a large file, such as a bundle, need not be held
// in memory. A failed write leaves no file p.
func (o *Folder) WriteStream(p string, write func(w io.Writer) error) error {
	if err := atomicfile.WriteFunc(o.Path(path.Clean(p)), write); err != nil {
		return err
	}
	o.Add(path.Clean(p))
	return nil
}

// Replace minifies data as Write does and writes it as p in place of the
// file written there earlier in this build. That file is unlinked first,
// so a file carried over from the previous output by a hard link is never
// changed. It returns the size written.
func (o *Folder) Replace(p string, data []byte) (int64, error) {
	data, err := o.Minify(p, data)
	if err != nil {
		return 0, err
	}
	if err := os.Remove(o.Path(path.Clean(p))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	if err := o.put(p, data); err != nil {
		return 0, err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if !slices.Contains(o.paths, path.Clean(p)) {
		o.paths = append(o.paths, path.Clean(p))
	}
	return int64(len(data)), nil
}

// put writes data as the new file p, or links the previous output's copy
// when it holds the same bytes.
func (o *Folder) put(p string, data []byte) error {
	rel := filepath.FromSlash(path.Clean(p))
	full := filepath.Join(o.dir, rel)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	if !o.carryOver(rel, full, data) {
		return os.WriteFile(full, data, 0o644)
	}
	return nil
}

// carryOver hard-links the previous build's copy of rel when its bytes
// equal data (or, in place, leaves it where it is), and reports whether it
// did.
func (o *Folder) carryOver(rel, full string, data []byte) bool {
	old := filepath.Join(o.prev, rel)
	st, err := os.Lstat(old)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	prev, err := os.ReadFile(old)
	if err != nil || !bytes.Equal(prev, data) {
		return false
	}
	return o.inPlace || os.Link(old, full) == nil
}

// Exists reports whether the previous output has a regular file p.
func (o *Folder) Exists(p string) bool {
	st, err := os.Lstat(filepath.Join(o.prev, filepath.FromSlash(p)))
	return err == nil && st.Mode().IsRegular()
}

// LinkSized carries p over from the previous output when it is there with
// the given size, and reports whether it did.
func (o *Folder) LinkSized(p string, size int64) bool {
	st, err := os.Lstat(filepath.Join(o.prev, filepath.FromSlash(p)))
	if err != nil || !st.Mode().IsRegular() || st.Size() != size {
		return false
	}
	if o.inPlace { // it is where it should be
		o.Add(path.Clean(p))
		return true
	}
	return o.Link(p)
}

// Link carries p over from the previous output by a hard link, and reports
// whether it could.
func (o *Folder) Link(p string) bool {
	rel := filepath.FromSlash(path.Clean(p))
	full := filepath.Join(o.dir, rel)
	if o.inPlace {
		if !o.Exists(p) {
			return false
		}
		o.Add(path.Clean(p))
		return true
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return false
	}
	if os.Link(filepath.Join(o.prev, rel), full) != nil {
		return false
	}
	o.Add(path.Clean(p))
	return true
}

// Keep records p as left where it is in the destination, unchecked: for
// a folder made by Update whose destination nothing but these builds
// changes. Elsewhere it links p as Link does.
func (o *Folder) Keep(p string) {
	if !o.inPlace {
		o.Link(p)
		return
	}
	o.Add(path.Clean(p))
}

// Add records a file written into dir by other means.
func (o *Folder) Add(p string) {
	o.mu.Lock()
	o.paths = append(o.paths, p)
	o.mu.Unlock()
}

// Read returns a file written to the output (in place, the destination's
// copy when the build left it there).
func (o *Folder) Read(p string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(o.dir, filepath.FromSlash(p)))
	if o.inPlace && errors.Is(err, fs.ErrNotExist) {
		return os.ReadFile(filepath.Join(o.prev, filepath.FromSlash(p)))
	}
	return data, err
}

// Files returns the paths written so far, sorted.
func (o *Folder) Files() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := slices.Clone(o.paths)
	slices.Sort(out)
	return out
}

// Commit swaps the folder in for the destination: as a whole, or entry by
// entry when it was made inside the destination. When that fails, the
// previous output is left as it was and the error says what to do.
func (o *Folder) Commit() error {
	if o.inPlace {
		return commitError(o.name, o.update())
	}
	if o.where == inside {
		return commitError(o.name, swapInside(o.dir, o.prev))
	}
	return commitError(o.name, swap(o.dir, o.prev))
}

// Discard removes the temporary folder.
func (o *Folder) Discard() { os.RemoveAll(o.dir) }

// Path is the file system path of p in the folder, for writers that need a
// file (Add the path when it is written).
func (o *Folder) Path(p string) string { return filepath.Join(o.dir, filepath.FromSlash(p)) }
