// Package server is the preview server behind "plansite serve": it builds
// the site once, serves the output folder over HTTP, watches the sources and
// rebuilds when they change, and makes open pages reload.
//
// Behaviour:
//
//   - Serving: static files from Dest with fixed content types (HTML as
//     text/html; charset=utf-8), index.html for folders (a folder without a
//     trailing slash redirects to one), and the site's 404.html, with status
//     404, for missing paths. Relative links in that 404 page are made
//     root-relative, since it is served from any folder. Every response
//     carries Cache-Control: no-store. Only GET and HEAD are allowed.
//   - Live reload: HTML responses (never the files on disk) get a script tag
//     before </body>, loading /_plansite/live.js, which opens an EventSource
//     on /_plansite/events and reloads the page on a "reload" event. The
//     script adds nothing visible or focusable.
//   - Watching: Root/content and Root/themes, recursively, with fsnotify;
//     folders created later are watched too, and so are content/ or themes/
//     when they appear. Hidden files, editor backups (name~, .swp) and
//     anything inside Dest are ignored. A burst of changes becomes one
//     rebuild after 10 ms of quiet; builds never overlap, and a change
//     during a build makes one more build after it.
//   - Changes: before every build, Changed (when set) is told the paths
//     of the files and folders the watcher saw change since the previous
//     build, or that changes may have been missed (the first build, lost
//     events), so that the build can read only what changed.
//   - On demand: files a save's build leaves out (the search index, the
//     downloads) are made by Complete the first time one is asked for
//     after a change, not on every save.
//   - Build errors: the build is atomic, so a failed rebuild leaves the last
//     good output in place and the server keeps serving it. The errors go
//     to Log, to /_plansite/status (plain text: "ok" or the error lines) and
//     to open pages as an SSE "error" event, whose data lines are the error
//     lines; the page shows them at the top of the body in a box with
//     role="alert". The next successful build reloads the page, which
//     removes the box. A page that connects while the last build is
//     failing gets the "error" event at once.
//   - Shutdown: when the context is cancelled, the watcher, the event
//     streams and the HTTP server are closed, a build in progress is waited
//     for, a temporary Dest is removed, and Serve returns nil.
//
// The server does not know how pages are rendered: it calls Options.Build.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultAddr is the address Serve listens on when Options.Addr is empty:
// the loopback interface only, so that the preview is not reachable from
// other computers.
const DefaultAddr = "127.0.0.1:1313"

// debounce is how long the watcher waits for quiet before it rebuilds.
// The events of one save come within a millisecond or two of each other,
// whether the editor writes the file (truncate, write) or writes a new
// file and renames it over the old one; a longer wait only delays the
// preview. A build started too early is followed by another, since every
// change during a build asks for one more.
const debounce = 10 * time.Millisecond

// Options configure Serve.
type Options struct {
	// Root is the site folder, holding content/ and optionally themes/;
	// empty means the current folder.
	Root string
	// Dest is the output folder that Build writes and the server serves.
	// Empty means a temporary folder that the server creates, passes to
	// Build and removes when Serve returns.
	Dest string
	// Addr is the TCP address to listen on; empty means DefaultAddr.
	Addr string
	// Build builds the site into dest, the resolved Dest. It must leave the
	// previous output in place when it fails (site.Build does). Its error
	// text is shown to the author one line per problem, so a diag.List with
	// file:line messages is ideal. Builds never run concurrently.
	Build func(dest string) error
	// Complete, when set, builds the site whole, with the files Build
	// leaves out to keep every save fast (the search index, the offline
	// bundles). It runs when a missing file whose path starts with one of
	// OnDemand is asked for.
	Complete func(dest string) error
	OnDemand []string
	// Changed, when set, is called before each build (Build or Complete)
	// with the absolute paths of the files and folders under Root that the
	// watcher saw change since the previous build, in no particular order;
	// all is true when changes may have been missed (before the first
	// build, after the watcher lost events), and paths is then empty.
	Changed func(paths []string, all bool)
	// Log receives progress messages and build errors; nil discards them.
	Log io.Writer
}

// Serve builds the site once, serves Dest over HTTP on Addr, watches
// Root/content and Root/themes, rebuilds on changes and makes open pages
// reload. A failing build, the first one included, does not stop the
// server: the errors are logged and shown on open pages. Serve returns nil
// when ctx is cancelled, after closing everything it opened, and an error
// when it cannot start (a bad option, the address in use, no watcher).
func Serve(ctx context.Context, opts Options) error {
	if opts.Build == nil {
		return errors.New("server: Options.Build is nil")
	}
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	return serve(ctx, ln, opts)
}

// serve is Serve on an open listener, which it closes.
func serve(ctx context.Context, ln net.Listener, opts Options) (err error) {
	defer ln.Close()
	if opts.Build == nil {
		return errors.New("server: Options.Build is nil")
	}
	logw := &lockedWriter{w: opts.Log}
	if opts.Log == nil {
		logw.w = io.Discard
	}
	if opts.Root == "" {
		opts.Root = "."
	}
	if opts.Dest == "" {
		tmp, err := os.MkdirTemp("", "plansite-serve-")
		if err != nil {
			return fmt.Errorf("server: %w", err)
		}
		defer os.RemoveAll(tmp)
		// A sub-folder, so that the build's own temporary siblings are
		// removed with it.
		opts.Dest = filepath.Join(tmp, "site")
	}

	s := &server{
		build:    opts.Build,
		complete: opts.Complete,
		onDemand: opts.OnDemand,
		changed:  opts.Changed,
		changes:  newChanges(),
		dest:     opts.Dest,
		log:      logw,
		nonce:    strconv.FormatInt(time.Now().UnixNano(), 36),
		clients:  map[chan event]struct{}{},
		done:     make(chan struct{}),
	}
	w, err := newWatcher(opts.Root, opts.Dest, logw, s.changes)
	if err != nil {
		return fmt.Errorf("server: watching %s: %w", opts.Root, err)
	}
	defer w.close()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	trigger := make(chan struct{}, 1)
	wg.Go(func() { w.loop(ctx, trigger) })

	s.rebuild()

	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-trigger:
				s.rebuild()
			}
		}
	})

	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(logw, "plansite: http: ", 0),
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	addr := ln.Addr().String()
	fmt.Fprintf(logw, "plansite: serving %s on http://%s/ (watching %s; stop with Ctrl+C)\n", opts.Dest, addr, opts.Root)
	if host, _, _ := net.SplitHostPort(addr); !isLoopback(host) {
		fmt.Fprintf(logw, "plansite: warning: %s can be reached from other computers; use --addr 127.0.0.1:PORT for a private preview\n", addr)
	}

	select {
	case <-ctx.Done():
	case err = <-serveErr:
		serveErr <- err
		err = fmt.Errorf("server: %w", err)
		cancel()
	}
	close(s.done) // event streams end, so that Shutdown need not wait for them
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	if srv.Shutdown(sctx) != nil {
		srv.Close()
	}
	scancel()
	<-serveErr
	w.close()
	wg.Wait() // a build in progress finishes before Dest may be removed
	fmt.Fprintln(logw, "plansite: server stopped")
	return err
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// server holds the state shared by the HTTP handlers and the builder.
type server struct {
	build    func(dest string) error
	complete func(dest string) error
	onDemand []string
	changed  func(paths []string, all bool)
	changes  *changes   // what the watcher saw since the last build
	buildMu  sync.Mutex // builds, with or without bundles, never overlap
	dest     string
	log      io.Writer
	nonce    string // differs between runs, so pages reload after a restart

	mu      sync.Mutex
	good    int   // successful builds so far
	lastErr error // error of the last build; nil after a success
	clients map[chan event]struct{}
	done    chan struct{} // closed on shutdown
}

// event is one server-sent event.
type event struct {
	name string
	data string
}

// version names the output of the last successful build.
func (s *server) version() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.versionLocked()
}

func (s *server) versionLocked() string {
	return s.nonce + "-" + strconv.Itoa(s.good)
}

// rebuild runs one build and tells the pages: "reload" after a success,
// "error" after a failure.
func (s *server) rebuild() {
	start := time.Now()
	err := s.callBuild()
	took := time.Since(start).Round(time.Millisecond)
	if err != nil {
		fmt.Fprintf(s.log, "plansite: build failed after %v; still serving the last good output:\n%v\n", took, err)
	} else {
		fmt.Fprintf(s.log, "plansite: built in %v\n", took)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastErr = err
	if err != nil {
		s.broadcastLocked(errorEvent(err))
		return
	}
	s.good++
	s.broadcastLocked(event{name: "reload", data: s.versionLocked()})
}

// callBuild calls Build, turning a panic into an error so that a bug in
// the renderer does not stop the server.
func (s *server) callBuild() error { return s.call(s.build) }

// call runs a build function, one at a time, turning a panic into an error.
func (s *server) call(build func(dest string) error) (err error) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("build panicked: %v", r)
		}
	}()
	if s.changed != nil {
		s.changed(s.changes.take())
	}
	return build(s.dest)
}

// errorEvent makes the SSE "error" event: one data line per line of the
// error text.
func errorEvent(err error) event {
	return event{name: "error", data: strings.Join(errorLines(err), "\n")}
}

// errorLines splits an error's text into its non-empty lines.
func errorLines(err error) []string {
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.TrimRight(l, "\r"); strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{"build failed"}
	}
	return lines
}

// subscribe registers an event stream and returns what it must be told
// first: the version and the current error, if any.
func (s *server) subscribe() (chan event, string, error) {
	ch := make(chan event, 8)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clients[ch] = struct{}{}
	return ch, s.versionLocked(), s.lastErr
}

func (s *server) unsubscribe(ch chan event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, ch)
}

// broadcastLocked sends ev to every stream. A stream too slow to take it
// is closed instead: its page reconnects and catches up from the version.
func (s *server) broadcastLocked(ev event) {
	for ch := range s.clients {
		select {
		case ch <- ev:
		default:
			delete(s.clients, ch)
			close(ch)
		}
	}
}

// status reports the last build: "ok" or the error text.
func (s *server) status() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastErr == nil {
		return "ok\n"
	}
	return strings.Join(errorLines(s.lastErr), "\n") + "\n"
}

// lockedWriter serialises writes from the builder, the watcher and the
// HTTP server.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p to the underlying writer, one caller at a time.
func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
