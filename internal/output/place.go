package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// tempPrefix starts the name of the folder a build writes into.
const tempPrefix = ".plansite-build-"

// Where the temporary folder of a build goes. Beside the destination, the
// folder is swapped in as a whole. Inside it, its entries are swapped in
// one by one: for a mount point, which cannot be renamed, and for a
// folder the user may write in but not beside (public_html in a
// read-only home, /var/www/html owned by the web team).
const (
	beside = iota
	inside
)

// mountPoint reports whether dir is the root of a mounted file system,
// and makeTemp makes a temporary folder: variables so that tests can
// pretend a mount point or a folder they may not write in.
var (
	mountPoint = isMountPoint
	makeTemp   = os.MkdirTemp
)

// place makes the temporary folder for the destination dest (the path
// after following a link; name is the one the user gave) and reports
// where it is.
func place(name, dest string) (string, int, error) {
	if isDir(dest) && mountPoint(dest) {
		tmp, err := makeTemp(dest, tempPrefix)
		return tmp, inside, placeError(name, dest, err)
	}
	parent := filepath.Dir(dest)
	err := os.MkdirAll(parent, 0o755)
	if err == nil {
		var tmp string
		if tmp, err = makeTemp(parent, tempPrefix); err == nil {
			return tmp, beside, nil
		}
	}
	if errors.Is(err, fs.ErrPermission) && isDir(dest) {
		if tmp, err2 := makeTemp(dest, tempPrefix); err2 == nil {
			return tmp, inside, nil
		}
		return "", beside, fmt.Errorf("output folder %s cannot be written: neither it nor the folder holding it (%s) is writable for you (%s): make %s writable for you (chmod u+w %s), or choose a folder you can write to, such as -d ~/public",
			name, parent, cause(err), name, name)
	}
	return "", beside, placeError(name, dest, err)
}

// placeError explains why the temporary folder for dest could not be made.
func placeError(name, dest string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("output folder %s is on a read-only disk (%s): choose a folder on a disk you can write to, such as -d ~/public", name, cause(err))
	case errors.Is(err, fs.ErrPermission):
		dir := filepath.Dir(dest)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			dir = filepath.Dir(pe.Path) // the folder a new one could not be made in
		}
		if dir == dest {
			return fmt.Errorf("output folder %s is not writable for you (%s): make it writable (chmod u+w %s), or choose a folder you can write to, such as -d ~/public", name, cause(err), name)
		}
		return fmt.Errorf("output folder %s cannot be made: the folder %s is not writable for you (%s): make it writable (chmod u+w %s), or choose a folder you can write to, such as -d ~/public",
			name, dir, cause(err), dir)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("output folder %s: a part of the path is a file, not a folder (%s): choose another folder, such as -d public", name, cause(err))
	}
	return fmt.Errorf("output folder %s: %w", name, err)
}

// commitError explains why the finished build could not replace the
// output folder name. The previous output is left as it was.
func commitError(name string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.EBUSY), errors.Is(err, syscall.EXDEV):
		return fmt.Errorf("output folder %s is a mount point or is held by another program (%s), so plansite cannot replace it as a whole: build into a folder inside it, such as -d %s, or stop the program that holds it",
			name, cause(err), filepath.Join(name, "site"))
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("output folder %s is on a read-only disk (%s): choose a folder on a disk you can write to, such as -d ~/public", name, cause(err))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("output folder %s cannot be replaced (%s): make it and the folder holding it writable for you, or choose another folder, such as -d ~/public", name, cause(err))
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("output folder %s: the disk is full (%s): free some space, or choose a folder on another disk", name, cause(err))
	}
	return fmt.Errorf("output folder %s cannot be replaced: %w", name, err)
}

// cause is the system's own words for err, without the paths and the
// operation a *PathError or *LinkError adds.
func cause(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	}
	return err.Error()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
