package site

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"github.com/tdewolff/minify/v2"
)

// output is the temporary folder a build streams its files into, beside
// the destination. Each file is minified (when asked) and written as soon
// as it is made, so the site is never held in memory whole. A file whose
// bytes equal the previous build's is hard-linked from it instead of
// written again. The folder replaces the destination only when the whole
// build succeeded (commit); otherwise it is removed (discard).
type output struct {
	dir  string // the temporary folder
	prev string // the previous output, for carrying unchanged files over
	min  *minify.M

	mu    sync.Mutex
	paths []string // every file written, in no particular order
}

// newOutput makes the temporary folder for dest. When dest is a symbolic
// link to a folder (public → the web server's folder), the folder it
// points to is the one replaced, and the link stays.
func newOutput(dest string, doMinify bool) (*output, error) {
	dest = filepath.Clean(dest)
	if st, err := os.Lstat(dest); err == nil && st.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(dest)
		if err != nil {
			return nil, fmt.Errorf("output folder %s is a link to a missing folder (%w): fix or remove the link", dest, err)
		}
		dest = target
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, ".plansite-build-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	o := &output{dir: tmp, prev: dest}
	if doMinify {
		o.min = minifier()
	}
	return o, nil
}

// write minifies data by the type of p's extension and writes it as p. It
// returns the size written.
func (o *output) write(p string, data []byte) (int64, error) {
	if o.min != nil {
		if mt, ok := mediaTypes[path.Ext(p)]; ok {
			var buf bytes.Buffer
			buf.Grow(len(data))
			if err := o.min.Minify(mt, &buf, bytes.NewReader(data)); err != nil {
				return 0, fmt.Errorf("minify %s: %w", p, err)
			}
			data = buf.Bytes()
		}
	}
	return int64(len(data)), o.writeRaw(p, data)
}

// writeRaw writes data as p without minifying it.
func (o *output) writeRaw(p string, data []byte) error {
	rel := filepath.FromSlash(path.Clean(p))
	full := filepath.Join(o.dir, rel)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	if !o.carryOver(rel, full, data) {
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
	}
	o.add(path.Clean(p))
	return nil
}

// carryOver hard-links the previous build's copy of rel when its bytes
// equal data, and reports whether it did.
func (o *output) carryOver(rel, full string, data []byte) bool {
	old := filepath.Join(o.prev, rel)
	st, err := os.Lstat(old)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	prev, err := os.ReadFile(old)
	if err != nil || !bytes.Equal(prev, data) {
		return false
	}
	return os.Link(old, full) == nil
}

// exists reports whether the previous output has a regular file p.
func (o *output) exists(p string) bool {
	st, err := os.Lstat(filepath.Join(o.prev, filepath.FromSlash(p)))
	return err == nil && st.Mode().IsRegular()
}

// linkSized carries p over from the previous output when it is there with
// the given size, and reports whether it did.
func (o *output) linkSized(p string, size int64) bool {
	st, err := os.Lstat(filepath.Join(o.prev, filepath.FromSlash(p)))
	return err == nil && st.Mode().IsRegular() && st.Size() == size && o.link(p)
}

// link carries p over from the previous output by a hard link, and reports
// whether it could.
func (o *output) link(p string) bool {
	rel := filepath.FromSlash(path.Clean(p))
	full := filepath.Join(o.dir, rel)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return false
	}
	if os.Link(filepath.Join(o.prev, rel), full) != nil {
		return false
	}
	o.add(path.Clean(p))
	return true
}

// add records a file written into dir by other means.
func (o *output) add(p string) {
	o.mu.Lock()
	o.paths = append(o.paths, p)
	o.mu.Unlock()
}

// read returns a file written to the output.
func (o *output) read(p string) ([]byte, error) {
	return os.ReadFile(filepath.Join(o.dir, filepath.FromSlash(p)))
}

// files returns the paths written so far, sorted.
func (o *output) files() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := slices.Clone(o.paths)
	slices.Sort(out)
	return out
}

// commit swaps the folder in for the destination.
func (o *output) commit() error { return swap(o.dir, o.prev) }

// discard removes the temporary folder.
func (o *output) discard() { os.RemoveAll(o.dir) }
