package server

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/plansite/plansite/internal/diag"
)

// guard is how long a test waits for something that should happen soon.
// It only turns a hang into a failure; no test measures time.
const guard = 20 * time.Second

// fakeSite is a Build func that writes a small site into dest. Every build
// writes its number into index.html; a build fails while fail is set.
type fakeSite struct {
	mu           sync.Mutex
	n            int
	fail         error
	dests        []string
	calls        chan int
	bundleBuilds int
	changes      []changeCall // what Changed was told, in order
}

// changeCall is one call of Options.Changed.
type changeCall struct {
	paths []string
	all   bool
}

// changed is the Changed func: it records what it is told.
func (f *fakeSite) changed(paths []string, all bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.changes = append(f.changes, changeCall{paths, all})
}

func newFakeSite() *fakeSite { return &fakeSite{calls: make(chan int, 100)} }

func (f *fakeSite) setFail(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = err
}

func (f *fakeSite) build(dest string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	f.dests = append(f.dests, dest)
	f.calls <- f.n
	if f.fail != nil {
		return f.fail
	}
	gen := strconv.Itoa(f.n)
	files := map[string]string{
		"index.html":          `<!DOCTYPE html><html lang="ja"><head><title>ホーム</title></head><body><main><h1>build ` + gen + `</h1></main></body></html>`,
		"chapters/index.html": `<!DOCTYPE html><html lang="ja"><body><h1>章</h1></body></html>`,
		"chapters/01-a.html":  `<!DOCTYPE html><html lang="ja"><body><h1>第1章</h1><a href="../index.html">ホーム</a></BODY></html>`,
		"404.html": `<!DOCTYPE html><html lang="ja"><head><link rel="stylesheet" href="assets/site.css"></head>` +
			`<body><a class="skip-link" href="#main">本文へ移動</a><main id="main"><h1>ページが見つかりません</h1>` +
			`<a href="index.html">ホーム</a> <a href="https://example.jp/">市</a> <a href="mailto:a@example.jp">メール</a></main></body></html>`,
		"easy/404.html":   `<!DOCTYPE html><html lang="ja"><body><h1>この ページは ありません</h1><a href="../index.html">もどる</a></body></html>`,
		"easy/index.html": `<!DOCTYPE html><html lang="ja"><body><h1>わかりやすい版</h1></body></html>`,
		"assets/site.css": `body{margin:0}</body>`,
		"assets/app.js":   `document.write("</body>")`,
		"assets/p.svg":    `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"sitemap.xml":     `<?xml version="1.0"?><urlset></urlset>`,
		"notes.txt":       `text`,
	}
	for name, data := range files {
		p := filepath.Join(dest, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// bundles is the Bundles func: a build that also writes downloads/plan.zip.
func (f *fakeSite) bundles(dest string) error {
	if err := f.build(dest); err != nil {
		return err
	}
	f.mu.Lock()
	f.bundleBuilds++
	f.mu.Unlock()
	if err := os.MkdirAll(filepath.Join(dest, "downloads"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dest, "downloads", "plan.zip"), []byte("PK"), 0o644)
}

// waitCall waits for the next build call and returns its number.
func (f *fakeSite) waitCall(t *testing.T) int {
	t.Helper()
	select {
	case n := <-f.calls:
		return n
	case <-time.After(guard):
		t.Fatal("Build was not called")
		return 0
	}
}

// testServer is a server started with serve on 127.0.0.1:0.
type testServer struct {
	url  string
	root string
	dest string
	site *fakeSite
	stop func() error
	log  *bytes.Buffer
}

func startServer(t *testing.T, site *fakeSite) *testServer {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/chapters", "themes/mine/layouts"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(root, "content", "site.yaml"), "city: 小平市\n")
	dest := filepath.Join(t.TempDir(), "public")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	logBuf := &bytes.Buffer{}
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, ln, Options{Root: root, Dest: dest, Build: site.build, Complete: site.bundles, Changed: site.changed, OnDemand: []string{"downloads/"}, Log: &lockedWriter{w: logBuf}})
	}()
	stopped := false
	var result error
	stop := func() error {
		if stopped {
			return result
		}
		stopped = true
		cancel()
		select {
		case result = <-done:
		case <-time.After(guard):
			t.Fatal("serve did not return after cancel")
		}
		return result
	}
	t.Cleanup(func() { stop() })
	return &testServer{url: "http://" + ln.Addr().String(), root: root, dest: dest, site: site, stop: stop, log: logBuf}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

var noRedirect = &http.Client{
	Timeout:       guard,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

type response struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, method, url string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func get(t *testing.T, url string) response { return do(t, http.MethodGet, url) }

// sseClient reads server-sent events in the background.
type sseClient struct {
	events chan event
	closed chan struct{}
	cancel func()
}

func connect(t *testing.T, base string) *sseClient {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Errorf("events Content-Type = %q", ct)
	}
	c := &sseClient{events: make(chan event, 100), closed: make(chan struct{}), cancel: cancel}
	go func() {
		defer close(c.closed)
		defer resp.Body.Close()
		r := bufio.NewReader(resp.Body)
		var ev event
		var data []string
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "":
				if ev.name != "" {
					ev.data = strings.Join(data, "\n")
					c.events <- ev
				}
				ev, data = event{}, nil
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = append(data, strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	t.Cleanup(cancel)
	return c
}

// next returns the next event, failing the test if none comes.
func (c *sseClient) next(t *testing.T) event {
	t.Helper()
	select {
	case ev := <-c.events:
		return ev
	case <-c.closed:
		t.Fatal("event stream closed")
	case <-time.After(guard):
		t.Fatal("no event")
	}
	return event{}
}

func TestServing(t *testing.T) {
	ts := startServer(t, newFakeSite())
	ts.site.waitCall(t)

	home := get(t, ts.url+"/")
	if home.status != 200 || home.header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET / = %d %q", home.status, home.header.Get("Content-Type"))
	}
	if !strings.Contains(home.body, "<h1>build 1</h1>") {
		t.Errorf("GET / body = %q", home.body)
	}
	script := regexp.MustCompile(`<script src="/_plansite/live\.js" data-version="[^"]+"></script></body></html>$`)
	if !script.MatchString(home.body) {
		t.Errorf("script not injected before </body>: %q", home.body)
	}
	if strings.Count(home.body, "<script") != 1 {
		t.Errorf("want exactly one script: %q", home.body)
	}
	if cc := home.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q", cc)
	}
	disk, err := os.ReadFile(filepath.Join(ts.dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(disk, []byte("_plansite")) {
		t.Error("the script was written into the file on disk")
	}

	// Upper-case </BODY> is found too.
	ch := get(t, ts.url+"/chapters/01-a.html")
	if !strings.Contains(ch.body, `"></script></BODY>`) {
		t.Errorf("chapter: %q", ch.body)
	}

	// Folders: redirect to the trailing slash, then index.html.
	r := get(t, ts.url+"/chapters?x=1")
	if r.status != http.StatusFound || r.header.Get("Location") != "/chapters/?x=1" {
		t.Errorf("GET /chapters = %d Location %q", r.status, r.header.Get("Location"))
	}
	r = get(t, ts.url+"/chapters/")
	if r.status != 200 || !strings.Contains(r.body, "<h1>章</h1>") || !strings.Contains(r.body, "live.js") {
		t.Errorf("GET /chapters/ = %d %q", r.status, r.body)
	}
	r = get(t, ts.url+"/index.html/")
	if r.status != http.StatusFound || r.header.Get("Location") != "/index.html" {
		t.Errorf("GET /index.html/ = %d Location %q", r.status, r.header.Get("Location"))
	}

	// Other files: their type, byte for byte, no script.
	for _, c := range []struct{ path, ctype, body string }{
		{"/assets/site.css", "text/css; charset=utf-8", `body{margin:0}</body>`},
		{"/assets/app.js", "text/javascript; charset=utf-8", `document.write("</body>")`},
		{"/assets/p.svg", "image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg"></svg>`},
		{"/sitemap.xml", "application/xml; charset=utf-8", `<?xml version="1.0"?><urlset></urlset>`},
		{"/notes.txt", "text/plain; charset=utf-8", `text`},
	} {
		r := get(t, ts.url+c.path)
		if r.status != 200 || r.header.Get("Content-Type") != c.ctype || r.body != c.body {
			t.Errorf("GET %s = %d %q %q; want 200 %q %q", c.path, r.status, r.header.Get("Content-Type"), r.body, c.ctype, c.body)
		}
	}

	// Missing paths: the site's 404.html, status 404, script injected,
	// relative links made root-relative, the skip link untouched.
	r = get(t, ts.url+"/chapters/nope.html")
	if r.status != 404 || r.header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("missing page = %d %q", r.status, r.header.Get("Content-Type"))
	}
	for _, want := range []string{"ページが見つかりません", `href="/assets/site.css"`, `href="#main"`, `href="/index.html"`,
		`href="https://example.jp/"`, `href="mailto:a@example.jp"`, `src="/_plansite/live.js"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("404 page lacks %s: %q", want, r.body)
		}
	}
	r = get(t, ts.url+"/easy/chapters/nope.html")
	if r.status != 404 || !strings.Contains(r.body, "この ページは ありません") || !strings.Contains(r.body, `href="/index.html"`) {
		t.Errorf("missing easy page = %d %q", r.status, r.body)
	}
	if r := get(t, ts.url+"/_plansite/nope"); r.status != 404 {
		t.Errorf("unknown _plansite path = %d", r.status)
	}

	// HEAD, other methods.
	r = do(t, http.MethodHead, ts.url+"/")
	if r.status != 200 || r.body != "" || r.header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD / = %d %q", r.status, r.body)
	}
	r = do(t, http.MethodPost, ts.url+"/")
	if r.status != http.StatusMethodNotAllowed {
		t.Errorf("POST / = %d", r.status)
	}

	// The server's own files.
	r = get(t, ts.url+statusPath)
	if r.status != 200 || r.body != "ok\n" || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Errorf("status = %d %q %q", r.status, r.body, r.header.Get("Content-Type"))
	}
	r = get(t, ts.url+scriptPath)
	if r.status != 200 || r.header.Get("Content-Type") != "text/javascript; charset=utf-8" || !strings.Contains(r.body, "new EventSource('/_plansite/events')") {
		t.Errorf("live.js = %d %q", r.status, r.header.Get("Content-Type"))
	}

	if err := ts.stop(); err != nil {
		t.Errorf("serve returned %v after cancel", err)
	}
}

func TestWatchRebuildsAndReloads(t *testing.T) {
	ts := startServer(t, newFakeSite())
	ts.site.waitCall(t)
	c := connect(t, ts.url)
	if ev := c.next(t); ev.name != "version" || ev.data == "" {
		t.Fatalf("first event = %+v, want version", ev)
	}
	// Each change must cause a build and a reload. An editor's write can
	// come as several events, so an extra build is tolerated: only what is
	// pending from earlier changes is dropped before the next one.
	drain := func() {
		for {
			select {
			case <-ts.site.calls:
			case <-c.events:
			default:
				return
			}
		}
	}
	expectReload := func(what string) {
		t.Helper()
		n := ts.site.waitCall(t)
		ev := c.next(t)
		if ev.name != "reload" {
			t.Fatalf("after %s: event %+v, want reload", what, ev)
		}
		// The new output is served when the page reloads.
		if r := get(t, ts.url+"/"); !strings.Contains(r.body, "<h1>build ") || strings.Contains(r.body, "<h1>build 1</h1>") {
			t.Fatalf("after %s (build %d): %q", what, n, r.body)
		}
		drain()
	}

	writeFile(t, filepath.Join(ts.root, "content", "chapters", "01-a.md"), "---\ntitle: a\n---\n")
	expectReload("a new chapter")

	// A folder made after the start is watched, with what is put in it.
	newDir := filepath.Join(ts.root, "content", "pillars")
	if err := os.Mkdir(newDir, 0o755); err != nil {
		t.Fatal(err)
	}
	expectReload("a new folder")
	writeFile(t, filepath.Join(newDir, "1.yaml"), "number: 1\n")
	expectReload("a file in a new folder")

	writeFile(t, filepath.Join(ts.root, "themes", "mine", "layouts", "home.html"), "x")
	expectReload("a theme file")

	if err := ts.stop(); err != nil {
		t.Fatal(err)
	}
}

// Before each build, Changed is told what the watcher saw change since
// the previous one: anything before the first build, then the paths
// saved, and never a path twice.
func TestChangedBeforeEachBuild(t *testing.T) {
	ts := startServer(t, newFakeSite())
	ts.site.waitCall(t)
	saved := filepath.Join(ts.root, "content", "chapters", "01-a.md")
	writeFile(t, saved, "---\ntitle: a\n---\n")
	ts.site.waitCall(t)
	ts.site.mu.Lock()
	calls := append([]changeCall(nil), ts.site.changes...)
	ts.site.mu.Unlock()
	if len(calls) < 2 || !calls[0].all || len(calls[0].paths) != 0 {
		t.Fatalf("Changed calls %+v: want anything (all) before the first build, then the save", calls)
	}
	seen := map[string]int{}
	for _, c := range calls[1:] {
		if c.all {
			t.Errorf("Changed told all after the first build: %+v", c)
		}
		for _, p := range c.paths {
			seen[p]++
		}
	}
	if seen[saved] != 1 {
		t.Errorf("the saved file was told %d times, want once: %+v", seen[saved], calls)
	}
	// A download asked for makes a whole build, which is told too: one
	// call before each build (and one more when a build is starting).
	get(t, ts.url+"/downloads/plan.zip")
	ts.site.mu.Lock()
	told, builds := len(ts.site.changes), ts.site.n
	ts.site.mu.Unlock()
	if told != builds && told != builds+1 {
		t.Errorf("Changed was called %d times for %d builds", told, builds)
	}
}

// Saves rebuild without the downloads; the first request for one makes
// them, and later requests are served from disk.
func TestDownloadsOnDemand(t *testing.T) {
	ts := startServer(t, newFakeSite())
	ts.site.waitCall(t)
	for i := 0; i < 2; i++ {
		if r := get(t, ts.url+"/downloads/plan.zip"); r.status != http.StatusOK || r.body != "PK" {
			t.Fatalf("request %d: status %d, body %q", i, r.status, r.body)
		}
	}
	ts.site.mu.Lock()
	n := ts.site.bundleBuilds
	ts.site.mu.Unlock()
	if n != 1 {
		t.Errorf("%d builds with downloads, want 1", n)
	}
	if r := get(t, ts.url+"/downloads/none.epub"); r.status != http.StatusNotFound {
		t.Errorf("a download the build does not make: status %d", r.status)
	}
}

func TestRelevant(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	for _, d := range []string{"content/chapters", "public"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w, err := newWatcher(root, dest, io.Discard, newChanges())
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	abs, _ := filepath.Abs(root)
	p := func(rel string) string { return filepath.Join(abs, filepath.FromSlash(rel)) }
	watched := func(dir string) bool {
		for _, d := range w.fw.WatchList() {
			if d == dir {
				return true
			}
		}
		return false
	}
	if !watched(p("content/chapters")) || watched(p("public")) {
		t.Errorf("watching %v", w.fw.WatchList())
	}

	// New folders, nested ones included, are watched when they appear;
	// so is themes/ when it is made after the start.
	if err := os.MkdirAll(p("content/pillars/deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(p("themes/mine"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		op   fsnotify.Op
		want bool
	}{
		{"content/pillars", fsnotify.Create, true},
		{"themes", fsnotify.Create, true},
		{"content/site.yaml", fsnotify.Write, true},
		{"content/chapters/01-a.md", fsnotify.Create, true},
		{"content/chapters/01-a.md", fsnotify.Remove, true},
		{"content/chapters/01-a.md", fsnotify.Rename, true},
		{"content/chapters/01-a.md", fsnotify.Chmod, false},
		{"content/chapters/.01-a.md.swp", fsnotify.Write, false},
		{"content/chapters/01-a.md~", fsnotify.Create, false},
		{"README.md", fsnotify.Write, false},
		{"public", fsnotify.Create, false},
		{".plansite-build-1", fsnotify.Create, false},
	} {
		if got := w.relevant(fsnotify.Event{Name: p(c.name), Op: c.op}); got != c.want {
			t.Errorf("relevant(%s %s) = %v", c.op, c.name, got)
		}
	}
	for _, d := range []string{"content/pillars", "content/pillars/deep", "themes", "themes/mine"} {
		if !watched(p(d)) {
			t.Errorf("%s not watched: %v", d, w.fw.WatchList())
		}
	}
}

func TestFailedBuildKeepsLastGoodOutput(t *testing.T) {
	ts := startServer(t, newFakeSite())
	ts.site.waitCall(t)
	c := connect(t, ts.url)
	c.next(t) // version

	var errs diag.List
	errs.Add(diag.New("content/pillars/1-soudan.yaml", 12, "unknown key <tytle>", "did you mean title?"))
	errs.Add(diag.New("content/chapters/01-a.md", 3, "a table needs a caption", ""))
	ts.site.setFail(errs.Err())
	writeFile(t, filepath.Join(ts.root, "content", "site.yaml"), "tytle: x\n")
	ts.site.waitCall(t)

	wantLines := "content/chapters/01-a.md:3: a table needs a caption\n" +
		"content/pillars/1-soudan.yaml:12: unknown key <tytle> (did you mean title?)"
	ev := c.next(t)
	if ev.name != "error" || ev.data != wantLines {
		t.Fatalf("event %+v, want error with\n%s", ev, wantLines)
	}
	if r := get(t, ts.url+"/"); r.status != 200 || !strings.Contains(r.body, "<h1>build 1</h1>") {
		t.Errorf("after a failed build GET / = %d %q, want the last good page", r.status, r.body)
	}
	if r := get(t, ts.url+statusPath); r.body != wantLines+"\n" {
		t.Errorf("status = %q", r.body)
	}
	if !strings.Contains(ts.log.String(), "unknown key <tytle>") {
		t.Errorf("errors not logged: %q", ts.log.String())
	}
	// A page opened now learns about the error at once.
	c2 := connect(t, ts.url)
	if ev := c2.next(t); ev.name != "version" {
		t.Fatalf("event %+v, want version", ev)
	}
	if ev := c2.next(t); ev.name != "error" || ev.data != wantLines {
		t.Fatalf("event %+v, want error", ev)
	}

	// Fixed: reload, status ok.
	ts.site.setFail(nil)
	writeFile(t, filepath.Join(ts.root, "content", "site.yaml"), "title: x\n")
	ts.site.waitCall(t)
	for _, c := range []*sseClient{c, c2} {
		if ev := c.next(t); ev.name != "reload" {
			t.Fatalf("event %+v, want reload", ev)
		}
	}
	if r := get(t, ts.url+statusPath); r.body != "ok\n" {
		t.Errorf("status after the fix = %q", r.body)
	}
	if r := get(t, ts.url+"/"); !strings.Contains(r.body, "<h1>build 3</h1>") {
		t.Errorf("after the fix: %q", r.body)
	}
}

func TestFirstBuildFails(t *testing.T) {
	site := newFakeSite()
	site.setFail(diag.New("content/site.yaml", 1, `unknown key <b>"x"</b>`, ""))
	ts := startServer(t, site)
	site.waitCall(t)
	r := get(t, ts.url+"/")
	if r.status != 404 {
		t.Errorf("GET / before any good build = %d", r.status)
	}
	for _, want := range []string{`content/site.yaml:1: unknown key &lt;b&gt;&#34;x&#34;&lt;/b&gt;`, `src="/_plansite/live.js"`, `<html lang="ja">`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("fallback page lacks %s: %q", want, r.body)
		}
	}
	if strings.Contains(r.body, "<b>") {
		t.Error("error text not escaped")
	}
	c := connect(t, ts.url)
	c.next(t)
	if ev := c.next(t); ev.name != "error" {
		t.Errorf("event %+v, want error", ev)
	}
}

// logLines is a Log writer that passes the lines it gets to a channel.
type logLines struct {
	mu    sync.Mutex
	buf   []byte
	lines chan string
}

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		select {
		case l.lines <- string(l.buf[:i]):
		default:
		}
		l.buf = l.buf[i+1:]
	}
}

func TestServeStopsOnCancel(t *testing.T) {
	site := newFakeSite()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	log := &logLines{lines: make(chan string, 100)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, Options{Root: root, Addr: "127.0.0.1:0", Build: site.build, Log: log}) }()

	var url string
	for url == "" {
		select {
		case line := <-log.lines:
			if m := regexp.MustCompile(`http://[^/ ]+`).FindString(line); m != "" {
				url = m
			}
		case err := <-done:
			t.Fatalf("Serve returned early: %v", err)
		case <-time.After(guard):
			t.Fatal("Serve did not report its address")
		}
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("listening on %s", url)
	}
	if r := get(t, url+"/"); !strings.Contains(r.body, "build 1") {
		t.Errorf("GET / = %q", r.body)
	}
	c := connect(t, url)
	c.next(t)

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
	case <-time.After(guard):
		t.Fatal("Serve did not return after cancel")
	}
	select {
	case <-c.closed:
	case <-time.After(guard):
		t.Fatal("event stream still open")
	}
	// The temporary Dest is gone, and the port is free.
	site.mu.Lock()
	dest := site.dests[0]
	site.mu.Unlock()
	if _, err := os.Stat(filepath.Dir(dest)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary output %s left behind: %v", dest, err)
	}
	ln, err := net.Listen("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Errorf("port still in use: %v", err)
	} else {
		ln.Close()
	}
}

func TestServeErrors(t *testing.T) {
	if err := Serve(context.Background(), Options{}); err == nil {
		t.Error("Serve without Build succeeded")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Serve(context.Background(), Options{Root: t.TempDir(), Addr: ln.Addr().String(), Build: func(string) error { return nil }})
	if err == nil {
		t.Error("Serve on a busy address succeeded")
	}
}

func TestInjectScript(t *testing.T) {
	for in, want := range map[string]string{
		"<body><p>x</p></body></html>": `<body><p>x</p><script src="/_plansite/live.js" data-version="v&#34;1"></script></body></html>`,
		"<p>x</body><p>y</BODY >":      `<p>x</body><p>y<script src="/_plansite/live.js" data-version="v&#34;1"></script></BODY >`,
		"<p>no end tags":               `<p>no end tags<script src="/_plansite/live.js" data-version="v&#34;1"></script>`,
	} {
		if got := string(injectScript([]byte(in), `v"1`)); got != want {
			t.Errorf("injectScript(%q) =\n%s\nwant\n%s", in, got, want)
		}
	}
}

func TestRootRelative(t *testing.T) {
	in := `<a href="a.html"> <img src='img/x.png' alt=""> <a href="../up.html"> <a href="#main"> <a href="/abs"> <a href="//cdn"> <a href="tel:0123"> <a data-href="k.html"> <a href="sub/">`
	want := `<a href="/easy/a.html"> <img src='/easy/img/x.png' alt=""> <a href="/up.html"> <a href="#main"> <a href="/abs"> <a href="//cdn"> <a href="tel:0123"> <a data-href="k.html"> <a href="/easy/sub/">`
	if got := string(rootRelative([]byte(in), "easy")); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestIgnoredName(t *testing.T) {
	for name, want := range map[string]bool{
		"01-a.md": false, "site.yaml": false, ".01-a.md.swp": true, "01-a.md~": true,
		"4913": true, ".#site.yaml": true, "x.tmp": true, ".plansite-build-123": true,
	} {
		if got := ignoredName(name); got != want {
			t.Errorf("ignoredName(%q) = %v", name, got)
		}
	}
}
