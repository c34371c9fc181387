package easyread

import (
	"runtime"
	"syscall"
	"time"
)

// cpuTime runs f on one OS thread and returns the CPU time that thread
// spent, which other processes on a loaded machine do not inflate the way
// they inflate wall-clock time.
func cpuTime(f func()) (time.Duration, bool) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const rusageThread = 1 // RUSAGE_THREAD
	var before, after syscall.Rusage
	if syscall.Getrusage(rusageThread, &before) != nil {
		return 0, false
	}
	f()
	if syscall.Getrusage(rusageThread, &after) != nil {
		return 0, false
	}
	used := func(r syscall.Rusage) int64 { return r.Utime.Nano() + r.Stime.Nano() }
	return time.Duration(used(after) - used(before)), true
}
