package output

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
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

// removeUnrecorded removes the files of the destination that the build
// did not record, then the folders left empty. The temporary folder,
// when it is inside the destination, and lost+found stay.
func (o *Folder) removeUnrecorded() error {
	keep := map[string]bool{}
	for _, p := range o.Files() {
		keep[p] = true
	}
	var dirs []string
	err := filepath.WalkDir(o.prev, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == o.dir || p == filepath.Join(o.prev, "lost+found") {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(o.prev, p)
		if err != nil || rel == "." {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		if keep[path.Clean(filepath.ToSlash(rel))] {
			return nil
		}
		return os.Remove(p)
	})
	if err != nil {
		return err
	}
	slices.Reverse(dirs) // inner folders first
	for _, d := range dirs {
		if entries, err := os.ReadDir(d); err == nil && len(entries) == 0 {
			if err := os.Remove(d); err != nil {
				return err
			}
		}
	}
	return nil
}
