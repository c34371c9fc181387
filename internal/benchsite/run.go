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
// build (nothing changed), then an edit build (one chapter's text
// changed, the file put back afterwards). It prints a table with ratios
// to the floors.
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
		name    string
		setup   func() error
		run     func() (Measure, string, error)
		cleanup func() error
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
		}, nil},
		{"floor: analyzer", nil, func() (Measure, string, error) {
			return measure(o.Self, "-floor", FloorAnalyzer, "-site", dir)
		}, nil},
		{"cold", rm(out, cache), func() (Measure, string, error) { return build() }, nil},
		{"warm, no bundles", rm(out), func() (Measure, string, error) { return build("--bundles=false") }, nil},
		{"warm", rm(out), func() (Measure, string, error) { return build() }, nil},
		{"no-op", nil, func() (Measure, string, error) { return build() }, nil},
	}
	edit, restore := editChapter(dir, n)
	steps = append(steps, step{"edit (one chapter)", edit, func() (Measure, string, error) { return build() }, restore})
	res := map[string]Measure{}
	pages := ""
	for _, s := range steps {
		if s.setup != nil {
			if err := s.setup(); err != nil {
				return err
			}
		}
		m, stdout, err := s.run()
		if s.cleanup != nil {
			if cerr := s.cleanup(); err == nil {
				err = cerr
			}
		}
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
		if err := PrintServe(o.Out, o.Plansite, dir, fmt.Sprintf("%d chapters", n)); err != nil {
			return fmt.Errorf("%d chapters, serve: %w", n, err)
		}
	}
	return nil
}

// editChapter returns a setup that adds a sentence to the middle chapter
// of the generated site in dir (n chapters) and a cleanup that puts the
// file back as it was.
func editChapter(dir string, n int) (edit, restore func() error) {
	file := filepath.Join(dir, "content", "chapters", chapterFile(n/2+1))
	var orig []byte
	edit = func() error {
		var err error
		if orig, err = os.ReadFile(file); err != nil {
			return err
		}
		return os.WriteFile(file, append(append([]byte(nil), orig...), "\n計画の進み具合は毎年度の会議で確かめ、結果を市のホームページで知らせます。\n"...), 0o644)
	}
	restore = func() error { return os.WriteFile(file, orig, 0o644) }
	return edit, restore
}

// PrintServe measures ServeLatency on the site in dir and prints the
// median, the fastest and the slowest save, naming the site as name.
func PrintServe(out io.Writer, plansite, dir, name string) error {
	times, err := ServeLatency(plansite, dir)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "%s: serve, save → reload: median %v of %d edits (min %v, max %v; target ≤ 100 ms at 1,000 chapters)\n\n",
		name, times[len(times)/2].Round(time.Millisecond), len(times), times[0].Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond))
	return err
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
	fmt.Fprintf(w, "%d chapters, CPU: warm = %.2f × goldmark floor; cold − warm = %.2f × analyzer floor; no-op = %.2f × warm; bundles add %.0f%% to warm; edit = %.2f × warm\n\n",
		n, div(c("warm"), c("floor: goldmark + html/template")), div(c("cold")-c("warm"), c("floor: analyzer")),
		div(c("no-op"), c("warm")), 100*(div(c("warm"), c("warm, no bundles"))-1), div(c("edit (one chapter)"), c("warm")))
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
