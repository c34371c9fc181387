package output

import (
	"os"
	"path/filepath"
)

// The file system calls of a swap: variables so that tests can make them
// fail as they do for a mount point or a full disk.
var (
	exchangeCall = exchange
	renameCall   = os.Rename
)

// swap replaces dest by tmp. Where the system exchanges two folders in
// one step (Linux's renameat2), dest holds the whole old or the whole new
// output at every moment, so a server reading it during a rebuild never
// finds a hole. Elsewhere dest is renamed aside first, so that a failure
// in between can be undone.
func swap(tmp, dest string) error {
	old := tmp + "-old"
	defer os.RemoveAll(old)
	defer os.RemoveAll(tmp) // after the swap, the old output
	_, err := put(tmp, dest, old)
	return err
}

// swapInside replaces the contents of dest by those of tmp, a folder
// inside dest, entry by entry (index.html, assets/, chapters/, …): for a
// folder that cannot itself be renamed. Where the system exchanges in one
// step, each entry is its whole old or whole new self at every moment.
// When a step fails, the steps before it are undone. Entries the new
// output lacks are removed afterwards, except lost+found (a new disk's).
func swapInside(tmp, dest string) error {
	defer os.RemoveAll(tmp) // after the swap, the old entries
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	old, err := os.MkdirTemp(dest, ".plansite-old-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(old)
	keep := map[string]bool{filepath.Base(tmp): true, filepath.Base(old): true, "lost+found": true}
	var undo []func()
	for _, e := range entries {
		name := e.Name()
		u, err := put(filepath.Join(tmp, name), filepath.Join(dest, name), filepath.Join(old, name))
		if err != nil {
			for i := len(undo) - 1; i >= 0; i-- {
				undo[i]()
			}
			return err
		}
		undo = append(undo, u)
		keep[name] = true
	}
	return removeStale(dest, keep)
}

// put puts next in place of cur: by exchanging the two where the system
// can (the old cur is then at next), else by renaming cur to aside first.
// It returns how to undo it.
func put(next, cur, aside string) (func(), error) {
	exchanged, err := exchangeCall(next, cur)
	if err != nil {
		return nil, err
	}
	if exchanged {
		return func() { exchangeCall(next, cur) }, nil
	}
	hadOld := true
	if err := renameCall(cur, aside); err != nil {
		if !os.IsNotExist(err) {
			return nil, err
		}
		hadOld = false
	}
	if err := renameCall(next, cur); err != nil {
		if hadOld {
			renameCall(aside, cur)
		}
		return nil, err
	}
	return func() {
		renameCall(cur, next)
		if hadOld {
			renameCall(aside, cur)
		}
	}, nil
}

// removeStale removes the entries of dir not named in keep: files of the
// previous output that the new one no longer has.
func removeStale(dir string, keep map[string]bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !keep[e.Name()] {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
