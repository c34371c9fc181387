package output

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// update moves the files of an in-place folder into the destination, each
// by a rename, then removes the destination's files that the build did
// not record, and the folders that leaves empty. The temporary folder is
// removed in any case.
func (o *Folder) update() error {
	defer os.RemoveAll(o.dir)
	if err := os.MkdirAll(o.prev, 0o755); err != nil {
		return err
	}
	err := filepath.WalkDir(o.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(o.dir, p)
		if err != nil {
			return err
		}
		target := filepath.Join(o.prev, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return renameCall(p, target)
	})
	if err != nil {
		return err
	}
	return o.removeUnrecorded()
}

// removeUnrecorded removes the previous files that the build did not
// record, then the folders that leaves empty.
func (o *Folder) removeUnrecorded() error {
	keep := map[string]bool{}
	for _, p := range o.Files() {
		keep[p] = true
	}
	dirs := map[string]bool{}
	for _, p := range o.previous {
		if keep[path.Clean(p)] {
			continue
		}
		full := filepath.Join(o.prev, filepath.FromSlash(p))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for d := path.Dir(path.Clean(p)); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	inner := slices.Collect(maps.Keys(dirs))
	slices.SortFunc(inner, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") }) // inner folders first
	for _, d := range inner {
		full := filepath.Join(o.prev, filepath.FromSlash(d))
		if entries, err := os.ReadDir(full); err == nil && len(entries) == 0 {
			if err := os.Remove(full); err != nil {
				return err
			}
		}
	}
	return nil
}
