package benchsite

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Options configure a benchmark run.
type Options struct {
	Plansite string // the plansite binary to measure
	Self     string // this benchmark binary, run with -floor for the floors
	WorkDir  string // where generated sites are kept between runs
	Sizes    []int  // chapter counts
	Out      io.Writer
}

// Measure is one measured process.
type Measure struct {
	Wall, CPU time.Duration
	RSS       int64 // peak resident set, bytes
}

func (m Measure) String() string {
	return fmt.Sprintf("%7.2f s wall %7.2f s CPU %6d MiB", m.Wall.Seconds(), m.CPU.Seconds(), m.RSS>>20)
}

// Run generates (or reuses) a site per size and measures, in one run: the
// two floors, a cold build (no reading cache, empty output), a warm build
// (cache filled, empty output), a warm build without bundles, and a no-op
// build (nothing changed). It prints a table with ratios to the floors.
func Run(o Options) error {
	fmt.Fprintln(o.Out, "| chapters | pages | run | wall s | CPU s | peak RSS MiB |")
	fmt.Fprintln(o.Out, "|---:|---:|---|---:|---:|---:|")
	for _, n := range o.Sizes {
		if err := o.size(n); err != nil {
			return err
		}
	}
	return nil
}

func (o Options) size(n int) error {
	dir := filepath.Join(o.WorkDir, "site-"+strconv.Itoa(n))
	if _, err := os.Stat(filepath.Join(dir, "content", "site.yaml")); err != nil {
		if err := Generate(dir, Size{Chapters: n}); err != nil {
			return err
		}
	}
	out := filepath.Join(dir, "public")
	cache := filepath.Join(dir, ".cache")
	build := func(args ...string) (Measure, string, error) {
		// The large-print PDFs are left out: the full default build
		// is both variants, furigana, search, ZIP and EPUBs, and printing
		// thousands of pages in Chromium measures Chromium.
		return measure(o.Plansite, append([]string{"build", "-s", dir, "-d", out, "--cache-dir", cache, "--pdf=false"}, args...)...)
	}
	type step struct {
		name  string
		setup func() error
		run   func() (Measure, string, error)
	}
	rm := func(paths ...string) func() error {
		return func() error {
			for _, p := range paths {
				if err := os.RemoveAll(p); err != nil {
					return err
				}
			}
			return nil
		}
	}
	steps := []step{
		{"floor: goldmark + html/template", nil, func() (Measure, string, error) {
			return measure(o.Self, "-floor", FloorGoldmark, "-site", dir)
		}},
		{"floor: analyzer", nil, func() (Measure, string, error) {
			return measure(o.Self, "-floor", FloorAnalyzer, "-site", dir)
		}},
		{"cold", rm(out, cache), func() (Measure, string, error) { return build() }},
		{"warm, no bundles", rm(out), func() (Measure, string, error) { return build("--bundles=false") }},
		{"warm", rm(out), func() (Measure, string, error) { return build() }},
		{"no-op", nil, func() (Measure, string, error) { return build() }},
	}
	res := map[string]Measure{}
	pages := ""
	for _, s := range steps {
		if s.setup != nil {
			if err := s.setup(); err != nil {
				return err
			}
		}
		m, stdout, err := s.run()
		if err != nil {
			return fmt.Errorf("%d chapters, %s: %w", n, s.name, err)
		}
		if p := builtPages(stdout); p != "" {
			pages = p
		}
		res[s.name] = m
		fmt.Fprintf(o.Out, "| %d | %s | %s | %.2f | %.2f | %d |\n", n, pages, s.name, m.Wall.Seconds(), m.CPU.Seconds(), m.RSS>>20)
	}
	ratios(o.Out, n, res)
	if n <= serveMaxChapters {
		times, err := ServeLatency(o.Plansite, dir)
		if err != nil {
			return fmt.Errorf("%d chapters, serve: %w", n, err)
		}
		fmt.Fprintf(o.Out, "%d chapters: serve, save → reload: median %v of %d edits (min %v, max %v; target ≤ 100 ms at 1,000)\n\n",
			n, times[len(times)/2].Round(time.Millisecond), len(times), times[0].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond))
	}
	return nil
}

// serveMaxChapters is the largest site the serve benchmark runs on.
const serveMaxChapters = 1000

// ratios prints the figures that count: builds against the floors of the
// same run.
func ratios(w io.Writer, n int, r map[string]Measure) {
	gm, an := r["floor: goldmark + html/template"].Wall, r["floor: analyzer"].Wall
	warm, cold, noop, nob := r["warm"].Wall, r["cold"].Wall, r["no-op"].Wall, r["warm, no bundles"].Wall
	div := func(a, b time.Duration) float64 {
		if b == 0 {
			return 0
		}
		return a.Seconds() / b.Seconds()
	}
	fmt.Fprintf(w, "\n%d chapters, wall: warm = %.2f × goldmark floor (target ≤ 2.0); cold − warm = %.2f × analyzer floor (target ≤ 1.2); "+
		"no-op = %.2f × warm (target ≤ 0.25); bundles add %.0f%% to warm (target ≤ 15%%)\n",
		n, div(warm, gm), div(cold-warm, an), div(noop, warm), 100*(div(warm, nob)-1))
	c := func(name string) time.Duration { return r[name].CPU }
	fmt.Fprintf(w, "%d chapters, CPU: warm = %.2f × goldmark floor; cold − warm = %.2f × analyzer floor; no-op = %.2f × warm; bundles add %.0f%% to warm\n\n",
		n, div(c("warm"), c("floor: goldmark + html/template")), div(c("cold")-c("warm"), c("floor: analyzer")),
		div(c("no-op"), c("warm")), 100*(div(c("warm"), c("warm, no bundles"))-1))
}

// builtPages finds the page count in plansite build's summary line.
func builtPages(stdout string) string {
	f := strings.Fields(stdout)
	for i := 0; i+2 < len(f); i++ {
		if f[i] == "built" && f[i+2] == "pages" {
			return f[i+1]
		}
	}
	return ""
}

// measure runs a command and returns its wall time, CPU time (user and
// system, children included) and peak resident set.
func measure(name string, args ...string) (Measure, string, error) {
	cmd := exec.Command(name, args...)
	var stdout strings.Builder
	cmd.Stdout = &stdout
	cmd.Stderr = io.Discard
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Measure{}, "", fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	m := Measure{Wall: wall}
	if ru != nil {
		m.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.RSS = ru.Maxrss << 10 // Linux reports kilobytes
	}
	return m, stdout.String(), nil
}
