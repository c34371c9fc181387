package output

import "os"

// swap replaces dest by tmp. Where the system exchanges two folders in
// one step (Linux's renameat2), dest holds the whole old or the whole new
// output at every moment, so a server reading it during a rebuild never
// finds a hole. Elsewhere dest is renamed aside first, so that a failure
// in between can be undone.
func swap(tmp, dest string) error {
	if exchanged, err := exchange(tmp, dest); err != nil {
		os.RemoveAll(tmp)
		return err
	} else if exchanged {
		return os.RemoveAll(tmp) // now the old output
	}
	old := tmp + "-old"
	hadOld := true
	if err := os.Rename(dest, old); err != nil {
		if !os.IsNotExist(err) {
			os.RemoveAll(tmp)
			return err
		}
		hadOld = false
	}
	if err := os.Rename(tmp, dest); err != nil {
		if hadOld {
			os.Rename(old, dest)
		}
		os.RemoveAll(tmp)
		return err
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}
