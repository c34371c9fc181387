package output

import (
	"errors"
	"os"
	"path/filepath"

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

// isMountPoint reports whether dir is the root of a mounted file system
// (a disk, a network share, a bind mount): from statx where the kernel
// tells, else by comparing its device with its parent's.
func isMountPoint(dir string) bool {
	var st unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, dir, unix.AT_SYMLINK_NOFOLLOW, unix.STATX_BASIC_STATS, &st); err != nil {
		return false
	}
	if st.Attributes_mask&unix.STATX_ATTR_MOUNT_ROOT != 0 {
		return st.Attributes&unix.STATX_ATTR_MOUNT_ROOT != 0
	}
	var parent unix.Stat_t
	if err := unix.Stat(filepath.Dir(dir), &parent); err != nil {
		return false
	}
	return parent.Dev != unix.Mkdev(st.Dev_major, st.Dev_minor)
}
