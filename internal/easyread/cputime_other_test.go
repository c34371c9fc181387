//go:build !linux

package easyread

import "time"

// cpuTime is only measured on Linux; elsewhere the test that needs it is
// skipped.
func cpuTime(f func()) (time.Duration, bool) { return 0, false }
