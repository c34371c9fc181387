package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b in one step, when b exists and the
// file system can; it reports whether it did. It fails only when the
// exchange was possible and went wrong.
func exchange(a, b string) (bool, error) {
	if _, err := os.Lstat(b); err != nil {
		return false, nil
	}
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOTSUP), errors.Is(err, unix.EXDEV):
		return false, nil
	}
	return false, err
}
