// Package safefs reads the files of a site folder safely. A content folder
// is edited by many hands and tools, so every reader of content and theme
// files goes through an FS here, which
//
//   - opens only regular files (and folders, for listings): never a
//     device, a FIFO or a socket, which could hang a build or fill memory;
//   - follows a symbolic link only when it stays inside the FS's root, so
//     that a link to /etc/shadow is never published;
//   - refuses a file larger than the FS's limit, with an error naming the
//     size and the limit, before reading it.
//
// FS implements fs.FS, fs.ReadFileFS, fs.ReadDirFS and fs.StatFS, so that
// fs.Sub, fs.WalkDir and fs.ReadFile work on it.
package safefs

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// Limits for the kinds of files a build reads. A real plan chapter is
// tens of kilobytes; the limits stay far above that while keeping memory
// and time bounded.
const (
	// SourceLimit is the largest Markdown, YAML, JSON or theme file. A
	// 1 MB chapter of one line takes 37 s and 740 MB to build (measured,
	// docs/robustness.md), so the limit is not higher.
	SourceLimit int64 = 1 << 20
	// CopyLimit is the largest file copied to the output as it is (an
	// image or a PDF that a page links to).
	CopyLimit int64 = 64 << 20
)

// Errors returned, wrapped in an *fs.PathError, for files that are refused.
var (
	// ErrNotRegular is a device, FIFO, socket or other special file.
	ErrNotRegular = errors.New("not a regular file (a device, pipe or socket is never read)")
	// ErrOutside is a symbolic link that leads outside the FS's root; the
	// error is an *OutsideError.
	ErrOutside = errors.New("a symbolic link that leads outside the site folder")
	// ErrTooLarge is a file above the FS's limit; the error is a *SizeError.
	ErrTooLarge = errors.New("file too large")
)

// SizeError is a file larger than the limit.
type SizeError struct{ Size, Limit int64 }

// Error names the size and the limit.
func (e *SizeError) Error() string {
	size, limit := Human(e.Size), Human(e.Limit)
	if size == limit { // just over: rounding would hide the difference
		size, limit = fmt.Sprintf("%d bytes", e.Size), fmt.Sprintf("%d bytes", e.Limit)
	}
	return fmt.Sprintf("file is %s, more than the limit of %s per file", size, limit)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *SizeError) Is(target error) bool { return target == ErrTooLarge }

// OutsideError is a symbolic link that leads outside the FS's root.
type OutsideError struct {
	Left   string // what the link leaves, for the author: "the site folder", "themes/"
	Into   string // the folder to copy the linked file into: the FS's Name
	Target string // where the link leads: absolute outside the site, else relative to it
	Dir    bool   // the link leads to a folder
}

// Error says what the link leaves and where it leads.
func (e *OutsideError) Error() string {
	return fmt.Sprintf("a symbolic link that leads outside %s, to %s", e.Left, e.Target)
}

// Is makes errors.Is(err, ErrOutside) true.
func (e *OutsideError) Is(target error) bool { return target == ErrOutside }

// hint says what to do instead of the link.
func (e *OutsideError) hint() string {
	what := "file"
	if e.Dir {
		what = "folder"
	}
	return fmt.Sprintf("copy the %s into %s instead of linking to it", what, e.Into)
}

// Human prints a byte count for people: 512 bytes, 3.2 KB, 2 MB.
func Human(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KB"
	}
	return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MB"
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// FS is a read-only view of the folder Root that refuses special files,
// links leaving Root and files larger than Limit.
type FS struct {
	Root  string
	Limit int64
	// Memo, when set, remembers the regular files ReadFile read, so that
	// reading one again that did not change costs one Lstat instead of the
	// checks of Open: a preview server loads the whole plan on every save.
	Memo *Memo
	// Site is the site folder when Root is a folder inside it (themes/),
	// and Name what the author calls Root then, for messages about links
	// leaving Root. Both are empty when Root is the site folder.
	Site, Name string
}

// Memo holds files an FS read with what Lstat told of them then, and the
// folders it listed. It is safe for concurrent use.
//
// By default a file is given back only after Lstat finds it unchanged,
// and folders are listed again every time. A caller that is told of every
// change (a preview server watching the folders) says what changed with
// Trust: the files and folders it names are forgotten, and the rest is
// given back without a look at the disk until Distrust.
type Memo struct {
	mu      sync.Mutex
	files   map[string]memoFile
	dirs    map[string][]fs.DirEntry // folder → its entries, while trusted
	trusted bool
}

type memoFile struct {
	st   fs.FileInfo
	data []byte
	sum  [32]byte // SHA-256 of data
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{files: map[string]memoFile{}, dirs: map[string][]fs.DirEntry{}} }

// Trust forgets the files and folders at or under the paths changed, and
// the listing of a folder holding one of them when the listing no longer
// tells it as it is (made, removed, renamed, of another type), and gives
// back everything else it holds without checking it on disk. Paths are
// in the form the FS's Root gives them (Root joined with the
// slash-separated name).
func (m *Memo) Trust(changed []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, c := range changed {
		c = filepath.Clean(c)
		for p := range m.files {
			if under(p, c) {
				delete(m.files, p)
			}
		}
		for d := range m.dirs {
			if under(d, c) {
				delete(m.dirs, d)
			}
		}
		if entries, ok := m.dirs[filepath.Dir(c)]; ok && !listed(entries, c) {
			delete(m.dirs, filepath.Dir(c))
		}
	}
	m.trusted = true
}

// listed reports whether entries, a folder's listing sorted by name, tell
// the file p of that folder as it is on disk: absent, or present with the
// same type.
func listed(entries []fs.DirEntry, p string) bool {
	name := filepath.Base(p)
	i, found := slices.BinarySearchFunc(entries, name, func(e fs.DirEntry, n string) int { return strings.Compare(e.Name(), n) })
	st, err := os.Lstat(p)
	if err != nil {
		return !found && errors.Is(err, fs.ErrNotExist)
	}
	return found && entries[i].Type() == st.Mode().Type()
}

// Distrust makes the Memo check every file on disk again and forget the
// folders it listed: when changes may have been missed.
func (m *Memo) Distrust() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.trusted = false
	clear(m.dirs)
}

// under reports whether p is dir or lies inside it.
func under(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir) && strings.HasPrefix(p[len(dir):], string(filepath.Separator))
}

// dir returns the remembered entries of the folder path, while trusted.
func (m *Memo) dir(path string) ([]fs.DirEntry, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	entries, ok := m.dirs[path]
	return entries, ok && m.trusted
}

// putDir remembers the entries of the folder path, while trusted.
func (m *Memo) putDir(path string, entries []fs.DirEntry) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.trusted {
		m.dirs[path] = entries
	}
}

// get returns the data of path when Lstat still finds the same regular
// file (same inode, size, mode and modification time) that was read.
func (m *Memo) get(path string) (memoFile, bool) {
	m.mu.Lock()
	f, ok := m.files[path]
	trusted := m.trusted
	m.mu.Unlock()
	if !ok || trusted {
		return f, ok
	}
	st, err := os.Lstat(path)
	if err != nil || !sameFile(st, f.st) {
		return f, false
	}
	return f, true
}

// put remembers data, whose SHA-256 is sum, as the content of path, read
// while Lstat gave before; only when the file did not change while it was
// read.
func (m *Memo) put(path string, before fs.FileInfo, data []byte, sum [32]byte) {
	after, err := os.Lstat(path)
	if err != nil || !sameFile(before, after) {
		return
	}
	m.mu.Lock()
	m.files[path] = memoFile{after, data, sum}
	m.mu.Unlock()
}

func sameFile(a, b fs.FileInfo) bool {
	return a.Mode().IsRegular() && b.Mode().IsRegular() && os.SameFile(a, b) &&
		a.Size() == b.Size() && a.ModTime().Equal(b.ModTime()) && a.Mode() == b.Mode()
}

// Remembers reports whether f keeps the files it reads for the next
// reader (it has a Memo).
func (f FS) Remembers() bool { return f.Memo != nil }

// New returns an FS over the site folder root with the given file size
// limit.
func New(root string, limit int64) FS { return FS{Root: root, Limit: limit} }

// Sub returns an FS over the folder dir (slash-separated) of the site
// folder site, which links may not leave either.
func Sub(site, dir string, limit int64) FS {
	return FS{Root: filepath.Join(site, filepath.FromSlash(dir)), Limit: limit, Site: site, Name: dir + "/"}
}

// Open opens the regular file or folder name (slash-separated, relative
// to the root).
func (f FS) Open(name string) (fs.File, error) {
	st, err := f.check("open", name)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(f.Root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	flags := os.O_RDONLY
	if st.Mode().IsRegular() {
		flags |= syscall.O_NONBLOCK // were it swapped for a FIFO meanwhile, do not wait
	}
	file, err := r.OpenFile(filepath.FromSlash(name), flags, 0)
	if err != nil {
		return nil, err
	}
	if err := f.checkOpen(name, file, st.IsDir()); err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}

// checkOpen checks the opened file again, so that a file replaced between
// the check and the open is refused too.
func (f FS) checkOpen(name string, file *os.File, dir bool) error {
	st, err := file.Stat()
	switch {
	case err != nil:
		return err
	case st.IsDir() != dir || !dir && !st.Mode().IsRegular():
		return &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	case !dir && f.Limit > 0 && st.Size() > f.Limit:
		return &fs.PathError{Op: "open", Path: name, Err: &SizeError{st.Size(), f.Limit}}
	}
	return nil
}

// ReadFile reads the regular file name whole. A file that grows past the
// limit while it is read is refused too. With a Memo, the data of a file
// read before and not changed since is returned as it was: callers must
// not modify it.
func (f FS) ReadFile(name string) ([]byte, error) {
	if f.Memo == nil {
		return f.readFile(name)
	}
	data, _, err := f.ReadFileSum(name)
	return data, err
}

// ReadFileSum is ReadFile, also returning the SHA-256 of the file's bytes.
// With a Memo, the sum of a file read before and not changed since is
// remembered with it, not computed again.
func (f FS) ReadFileSum(name string) ([]byte, [32]byte, error) {
	if f.Memo == nil || !fs.ValidPath(name) {
		data, err := f.readFile(name)
		if err != nil {
			return nil, [32]byte{}, err
		}
		return data, sha256.Sum256(data), nil
	}
	full := filepath.Join(f.Root, filepath.FromSlash(name))
	if m, ok := f.Memo.get(full); ok {
		return m.data, m.sum, nil
	}
	before, statErr := os.Lstat(full)
	data, err := f.readFile(name)
	if err != nil {
		return nil, [32]byte{}, err
	}
	sum := sha256.Sum256(data)
	if statErr == nil {
		f.Memo.put(full, before, data, sum)
	}
	return data, sum, nil
}

func (f FS) readFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a folder")}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = st.Size()
	}
	data, err := io.ReadAll(io.LimitReader(file, limit+1))
	if err == nil && int64(len(data)) > limit && f.Limit > 0 {
		err = &fs.PathError{Op: "read", Path: name, Err: &SizeError{int64(len(data)), f.Limit}}
	}
	return data, err
}

// ReadDir lists the folder name, sorted by file name. With a trusting
// Memo (see Memo.Trust), a folder listed before and not changed since is
// not listed again.
func (f FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.Memo == nil || !fs.ValidPath(name) {
		return f.readDir(name)
	}
	full := filepath.Join(f.Root, filepath.FromSlash(name))
	if entries, ok := f.Memo.dir(full); ok {
		return slices.Clone(entries), nil
	}
	entries, err := f.readDir(name)
	if err == nil {
		f.Memo.putDir(full, slices.Clone(entries))
	}
	return entries, err
}

func (f FS) readDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	d, ok := file.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	entries, err := d.ReadDir(-1)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, err
}

// Stat returns the file information of name, following links that stay
// inside the root. Special files and files over the limit are refused as
// by Open.
func (f FS) Stat(name string) (fs.FileInfo, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return file.Stat()
}

// check validates name, resolves its links and refuses what must not be
// opened: a link leading outside the root, a special file.
func (f FS) check(op, name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) || strings.Contains(name, `\`) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	root, err := filepath.EvalSymlinks(f.Root)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(name)))
	if err != nil {
		return nil, &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
	}
	st, err := os.Stat(real)
	if !within(real, root) {
		return nil, &fs.PathError{Op: op, Path: name, Err: f.outside(real, err == nil && st.IsDir())}
	}
	if err != nil {
		return nil, &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
	}
	if !st.IsDir() && !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: op, Path: name, Err: ErrNotRegular}
	}
	return st, nil
}

// outside describes a link whose target real lies outside the root.
func (f FS) outside(real string, dir bool) *OutsideError {
	e := &OutsideError{Left: "the site folder", Into: "the site folder", Target: real, Dir: dir}
	if f.Site == "" {
		return e
	}
	e.Into = f.Name
	site, err := filepath.EvalSymlinks(f.Site)
	if rel, rerr := filepath.Rel(site, real); err == nil && rerr == nil && within(real, site) {
		e.Left, e.Target = f.Name, filepath.ToSlash(rel)
	}
	return e
}

// unwrapPath returns the cause of a *fs.PathError, so that errors name
// the file by its path inside the FS, not by an absolute path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// within reports whether path lies in the folder dir (or is dir).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Problem describes why err refused a file and what to do about it, for an
// error message naming the file: ("a symbolic link that leads outside the
// site folder, to /etc/shadow", "copy the file into the site folder
// instead of linking to it"). For other errors it returns err's cause and a general hint.
func Problem(err error) (msg, hint string) {
	cause := unwrapPath(err)
	var outside *OutsideError
	switch {
	case errors.As(err, &outside):
		return cause.Error(), outside.hint()
	case errors.Is(err, ErrNotRegular):
		return cause.Error(), "replace it with an ordinary file, or remove it"
	case errors.Is(err, ErrTooLarge):
		return cause.Error(), "split it into smaller files, or make it smaller"
	case errors.Is(err, fs.ErrNotExist):
		return "file does not exist", "check the name and the folder"
	case errors.Is(err, fs.ErrInvalid):
		return "not a valid file path", "use / between folders, no backslashes, and stay inside the site folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied", "make the file readable"
	}
	return cause.Error(), "check that the file exists and is readable"
}
