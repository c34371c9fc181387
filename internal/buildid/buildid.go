// Package buildid names the running program's code, so that caches made
// by one build of plansite are never read by a different one.
package buildid

import (
	"os"
	"runtime/debug"
	"strconv"
	"sync"
)

// Program identifies the running program's code: its VCS revision when it
// was built from a clean checkout, else the executable's size and
// modification time, so that a development build never reads what an
// older build cached.
var Program = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", true
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" && !modified {
			return rev
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return strconv.FormatInt(st.Size(), 10) + "@" + strconv.FormatInt(st.ModTime().UnixNano(), 10)
})
