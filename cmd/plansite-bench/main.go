// Command plansite-bench measures plansite builds on generated sites of
// 100, 1,000 and 10,000 chapters against two floors measured in the same
// run (see internal/benchsite). `make bench` runs it.
//
// Usage:
//
//	plansite-bench -plansite BIN [-sizes 100,1000,10000] [-work DIR]
//	plansite-bench -floor goldmark|analyzer -site DIR
//	plansite-bench -plansite BIN -serve -site DIR
//
// -serve measures only the preview: the time from saving a chapter of the
// generated site in DIR to the reload event of `plansite serve`.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/plansite/plansite/internal/benchsite"
)

func main() {
	bin := flag.String("plansite", "plansite", "the plansite binary to measure")
	sizes := flag.String("sizes", "100,1000,10000", "chapter counts, comma-separated")
	work := flag.String("work", os.TempDir()+"/plansite-bench", "folder for the generated sites (kept between runs)")
	floor := flag.String("floor", "", "run one floor (goldmark or analyzer) over -site and exit")
	site := flag.String("site", "", "site folder for -floor and -serve")
	serve := flag.Bool("serve", false, "measure only save → reload of plansite serve on -site")
	flag.Parse()
	var err error
	if *serve {
		err = benchsite.PrintServe(os.Stdout, *bin, *site, *site)
	} else if *floor != "" {
		err = benchsite.RunFloor(*floor, *site, os.Stdout)
	} else {
		var n []int
		n, err = parseSizes(*sizes)
		if err == nil {
			self, _ := os.Executable()
			err = benchsite.Run(benchsite.Options{Plansite: *bin, Self: self, WorkDir: *work, Sizes: n, Out: os.Stdout})
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "plansite-bench:", err)
		os.Exit(1)
	}
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes: %q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}
