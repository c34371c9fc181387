//go:build !linux

package output

// exchange is not available here: swap renames the old output aside.
func exchange(a, b string) (bool, error) { return false, nil }

// isMountPoint is not known here; replacing a mount point fails at the
// swap with a message that says what to do.
func isMountPoint(dir string) bool { return false }
