// Command plansite builds an accessible website of a Japanese city plan,
// with a わかりやすい版 (easy-read version) of every page.
//
// Usage:
//
//	plansite build [-s SOURCE] [-d DEST] [--minify=false] [--bundles=false] [--cache-dir DIR | --no-cache]
//	               [--pdf=false] [--chromium PATH]
//	plansite check [-s SOURCE] [--strict]
//	plansite ruby [-s SOURCE] [--format html|text] < text
//	plansite serve [-s SOURCE] [--addr 127.0.0.1:1313]
//	plansite import measures [-s SOURCE] [--columns MAP] [--sheet NAME] [--force] FILE
//	plansite import progress [-s SOURCE] [--sheet NAME] [--force] FILE
//	plansite version
//	plansite help
//
// This file only parses flags; the work is done by packages under internal/.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/plansite/plansite/internal/check"
	"github.com/plansite/plansite/internal/importer"
	"github.com/plansite/plansite/internal/server"
	"github.com/plansite/plansite/internal/site"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `plansite builds an accessible website of a city plan.

Usage:
  plansite build [-s SOURCE] [-d DEST] [--minify=false] [--bundles=false] [--cache-dir DIR | --no-cache]
                                                           build the site (default: . → public)
        [--pdf=false] [--chromium PATH]                    large-print PDFs need Chromium (skipped without one)
  plansite check [-s SOURCE] [--strict]                    check easy-read texts and readings to confirm (unknown words, place names)
  plansite ruby [-s SOURCE] [--format html|text]           print text from standard input with furigana
  plansite serve [-s SOURCE] [--addr 127.0.0.1:1313]       preview: build, serve, rebuild and reload on changes
  plansite import measures [-s SOURCE] [--columns MAP] [--sheet NAME] [--force] FILE
                                                           write pillar files from a measures table (.xlsx, .csv, .tsv)
  plansite import progress [-s SOURCE] [--sheet NAME] [--force] FILE
                                                           add yearly progress from a table, keyed by measure number
  plansite version                                         print the version
  plansite help                                            print this help

SOURCE is the site folder: it holds content/ (and optionally themes/).
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return build(rest, stdout, stderr)
	case "check":
		return checkCmd(rest, stdout, stderr)
	case "ruby":
		return rubyCmd(rest, stdin, stdout, stderr)
	case "serve":
		return serveCmd(rest, stderr)
	case "import":
		return importCmd(rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "plansite", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "plansite: unknown command %q\n\n%s", cmd, usage)
	return 2
}

// parse parses args and refuses stray arguments, which are usually a
// mistyped flag.
func parse(fs *flag.FlagSet, args []string) bool {
	if fs.Parse(args) != nil {
		return false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q (flags come before arguments; see plansite help)\n", fs.Name(), fs.Arg(0))
		return false
	}
	return true
}

func newFlags(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("plansite "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("s", ".", "site folder (holds content/)")
	return fs, src
}

func build(args []string, stdout, stderr io.Writer) int {
	fs, src := newFlags("build", stderr)
	dest := fs.String("d", "public", "output folder")
	minify := fs.Bool("minify", true, "minify HTML, CSS, JS and SVG")
	bundles := fs.Bool("bundles", true, "make the ZIP, EPUB and PDF downloads")
	pdf := fs.Bool("pdf", true, "print the large-print PDFs when Chromium is found")
	chromium := fs.String("chromium", "", "Chromium for the PDFs (default: $CHROMIUM, else chromium, chromium-browser or google-chrome on PATH)")
	cacheDir, noCache := cacheFlags(fs)
	profile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for developers)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the build's peak to this file (for developers)")
	if !parse(fs, args) {
		return 2
	}
	defer limitMemory(buildMemoryLimit)()
	if *memProfile != "" {
		defer watchPeak(*memProfile)()
	}
	if *profile != "" {
		stop, err := startProfile(*profile)
		if err != nil {
			fmt.Fprintln(stderr, "plansite:", err)
			return 1
		}
		defer stop()
	}
	stats, err := site.Build(site.Options{Root: *src, Dest: *dest, Minify: *minify, Warnings: stderr,
		CacheDir: cachePath(*src, *cacheDir, *noCache), NoBundles: !*bundles, PDF: *pdf, Chromium: *chromium})
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "plansite: build failed; the previous output was left as it was")
		return 1
	}
	fmt.Fprintf(stdout, "built %d pages (%d files) into %s, %d warnings; %d pages unchanged\n", stats.Pages, stats.Files, *dest, stats.Warnings, stats.Carried)
	return 0
}

// cacheFlags adds the reading cache's flags.
func cacheFlags(fs *flag.FlagSet) (dir *string, off *bool) {
	dir = fs.String("cache-dir", "", "reading cache folder (default SOURCE/.cache; safe to delete)")
	off = fs.Bool("no-cache", false, "neither read nor write the reading cache")
	return dir, off
}

// cachePath is the reading cache folder the flags ask for; "" for none.
func cachePath(src, dir string, off bool) string {
	switch {
	case off:
		return ""
	case dir != "":
		return dir
	}
	return filepath.Join(src, ".cache")
}

func checkCmd(args []string, stdout, stderr io.Writer) int {
	fs, src := newFlags("check", stderr)
	strict := fs.Bool("strict", false, "treat warnings as errors")
	if !parse(fs, args) {
		return 2
	}
	res, err := check.Run(*src, stdout)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if res.Errors > 0 || (*strict && res.Warnings > 0) {
		return 1
	}
	return 0
}

func rubyCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, src := newFlags("ruby", stderr)
	format := fs.String("format", "html", "output format: html or text")
	if !parse(fs, args) {
		return 2
	}
	in, err := io.ReadAll(stdin)
	if err == nil {
		err = check.Ruby(*src, *format, in, stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func serveCmd(args []string, stderr io.Writer) int {
	fs, src := newFlags("serve", stderr)
	addr := fs.String("addr", server.DefaultAddr, "address to listen on (loopback only by default)")
	cacheDir, noCache := cacheFlags(fs)
	if !parse(fs, args) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	session := &site.Session{} // rebuilds redo only what an edit changed
	build := func(whole bool) func(dest string) error {
		return func(dest string) error {
			_, err := site.Build(site.Options{Root: *src, Dest: dest, Minify: true, Warnings: stderr,
				CacheDir: cachePath(*src, *cacheDir, *noCache), NoBundles: !whole, NoSearch: !whole, Session: session})
			return err
		}
	}
	// A save rebuilds the pages only; the search index and the downloads
	// are made when they are asked for.
	err := server.Serve(ctx, server.Options{Root: *src, Addr: *addr, Log: stderr, Build: build(false),
		Complete: build(true), OnDemand: site.OnDemand, Changed: session.Changed})
	if err != nil {
		fmt.Fprintln(stderr, "plansite:", err)
		return 1
	}
	return 0
}

func importCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "measures" && args[0] != "progress") {
		fmt.Fprintf(stderr, "plansite import: say what to import: measures or progress\n\n%s", usage)
		return 2
	}
	kind := args[0]
	fs, src := newFlags("import "+kind, stderr)
	sheet := fs.String("sheet", "", "sheet of an .xlsx file (default: the first)")
	force := fs.Bool("force", false, "replace existing files or progress years")
	columns := ""
	if kind == "measures" {
		fs.StringVar(&columns, "columns", "", "explicit column mapping, e.g. pillar=A,direction=B,title=C,description=D,departments=E")
	}
	if fs.Parse(args[1:]) != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "plansite import %s: give one table file (after the flags)\n", kind)
		return 2
	}
	opts := importer.Options{Root: *src, Sheet: *sheet, Force: *force, Columns: columns}
	var err error
	if kind == "measures" {
		err = importer.ImportMeasures(fs.Arg(0), opts, stdout)
	} else {
		err = importer.ImportProgress(fs.Arg(0), opts, stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "plansite import:", err)
		return 1
	}
	return 0
}
