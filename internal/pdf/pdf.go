// Package pdf prints pages of a built plansite site into one large-print,
// tagged PDF with headless Chromium.
//
// The pages are printed as one document: Chromium opens the first page,
// the script assemble.js brings in the <main> of the others (ids made
// unique, links between them turned into links inside the document),
// inserts the contents page made from Doc.Contents, and sets the theme's
// large-print preference (data-fs="xl" on <html>). The theme's print
// stylesheet does the rest. Chromium's Page.printToPDF then writes a PDF
// with a document outline (from the headings), a structure tree (tagged
// PDF, so screen readers and reflow work), page numbers and the running
// title. The creation and modification dates are set to Options.Date and
// the ids of the structure elements, which Chromium counts differently from
// run to run, are renumbered by rank, so the same site gives the same PDF.
//
// The package talks to Chromium over the DevTools protocol on a pipe
// (--remote-debugging-pipe), and serves the site to it from a loopback
// HTTP server that lives only while printing.
package pdf

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/plansite/plansite/internal/bundle"
)

//go:embed assemble.js
var assembleJS string

// Options say where the site is and how to print it.
type Options struct {
	Chromium string        // the browser (see Find)
	Root     string        // folder of the built site
	Date     time.Time     // creation and modification date written into every PDF
	Timeout  time.Duration // for all the docs; 0 means 10 minutes
}

// Doc is one PDF: pages of the site in reading order, as one document.
type Doc struct {
	Pages    []string // slash paths relative to Root; the first one opens the document
	Out      string   // file to write
	Title    string   // document title and running title
	Contents Contents // the contents page inserted after the first page
}

// Contents is the contents page: a heading and its entries.
type Contents struct {
	Heading string         `json:"heading"` // HTML, e.g. 目次 or <ruby>目次<rt>もくじ</rt></ruby>
	Entries []bundle.Entry `json:"entries"` // in reading order; Page is one of Doc.Pages
}

// Print writes every Doc with one Chromium process.
func Print(ctx context.Context, opts Options, docs []Doc) error {
	if opts.Timeout == 0 {
		opts.Timeout = 10 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	srv, base, err := serve(opts.Root)
	if err != nil {
		return err
	}
	defer srv.Close()
	b, err := launch(ctx, opts.Chromium)
	if err != nil {
		return err
	}
	defer b.close()
	for _, d := range docs {
		if err := b.print(ctx, base, opts.Date, d); err != nil {
			return fmt.Errorf("pdf %s: %w%s", filepath.Base(d.Out), err, b.stderrTail())
		}
	}
	return nil
}

// serve serves root on a loopback port; fetch does not work from file://.
func serve(root string) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", fmt.Errorf("pdf: %w", err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(root)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String() + "/", nil
}

// browser is a running headless Chromium.
type browser struct {
	cmd    *exec.Cmd
	c      *conn
	stderr *bytes.Buffer
	dir    string // its throw-away profile
	pipes  []*os.File
}

func launch(ctx context.Context, chromium string) (*browser, error) {
	dir, err := os.MkdirTemp("", "plansite-chromium-")
	if err != nil {
		return nil, err
	}
	toR, toW, err := os.Pipe() // commands: we write, Chromium reads fd 3
	if err != nil {
		return nil, err
	}
	fromR, fromW, err := os.Pipe() // replies: Chromium writes fd 4, we read
	if err != nil {
		return nil, err
	}
	args := []string{
		"--headless", "--remote-debugging-pipe", "--user-data-dir=" + dir,
		"--no-first-run", "--no-default-browser-check", "--disable-gpu",
		"--disable-extensions", "--disable-background-networking", "--disable-sync",
		"--disable-component-update", "--mute-audio", "--hide-scrollbars",
		"--font-render-hinting=none", "about:blank",
	}
	if os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...) // Chromium refuses root otherwise
	}
	cmd := exec.CommandContext(ctx, chromium, args...)
	cmd.ExtraFiles = []*os.File{toR, fromW}
	stderr := new(bytes.Buffer)
	cmd.Stderr = &limited{b: stderr, max: 64 << 10}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pdf: starting %s: %w", chromium, err)
	}
	toR.Close()
	fromW.Close()
	b := &browser{cmd: cmd, c: newConn(toW, fromR), stderr: stderr, dir: dir, pipes: []*os.File{toW, fromR}}
	return b, nil
}

func (b *browser) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if b.c.call(ctx, "", "Browser.close", nil, nil) != nil {
		b.cmd.Process.Kill()
	}
	done := make(chan struct{})
	go func() { b.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		b.cmd.Process.Kill()
		<-done
	}
	for _, p := range b.pipes {
		p.Close()
	}
	os.RemoveAll(b.dir)
}

func (b *browser) stderrTail() string {
	s := bytes.TrimSpace(b.stderr.Bytes())
	if len(s) == 0 || b.cmd.ProcessState == nil {
		return ""
	}
	if len(s) > 2000 {
		s = s[len(s)-2000:]
	}
	return "\nchromium said:\n" + string(s)
}

// print opens the first page of d, assembles the document and prints it.
func (b *browser) print(ctx context.Context, base string, date time.Time, d Doc) error {
	if len(d.Pages) == 0 {
		return errors.New("no pages")
	}
	var target struct{ TargetID string }
	if err := b.c.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return err
	}
	defer b.c.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": target.TargetID}, nil)
	var att struct{ SessionID string }
	if err := b.c.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		return err
	}
	s := att.SessionID
	if err := b.c.call(ctx, s, "Page.enable", nil, nil); err != nil {
		return err
	}
	loaded := b.c.wait(s, "Page.loadEventFired")
	var nav struct{ ErrorText string }
	if err := b.c.call(ctx, s, "Page.navigate", map[string]any{"url": base + escapePath(d.Pages[0])}, &nav); err != nil {
		return err
	}
	if nav.ErrorText != "" {
		return fmt.Errorf("%s: %s", d.Pages[0], nav.ErrorText)
	}
	select {
	case <-loaded:
	case <-ctx.Done():
		return fmt.Errorf("%s did not load: %w", d.Pages[0], ctx.Err())
	}
	if err := b.assemble(ctx, s, d); err != nil {
		return err
	}
	var res struct{ Data string }
	if err := b.c.call(ctx, s, "Page.printToPDF", printParams(), &res); err != nil {
		return err
	}
	raw, err := base64.StdEncoding.DecodeString(res.Data)
	if err != nil {
		return err
	}
	return os.WriteFile(d.Out, stable(raw, date), 0o644)
}

// assemble runs assemble.js in the page and reports its error, if any.
func (b *browser) assemble(ctx context.Context, session string, d Doc) error {
	args, err := json.Marshal(map[string]any{"pages": d.Pages, "title": d.Title, "contents": d.Contents})
	if err != nil {
		return err
	}
	var res struct {
		Result           struct{ Value string }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	expr := assembleJS + "\nplansiteAssemble(" + string(args) + ")"
	err = b.c.call(ctx, session, "Runtime.evaluate", map[string]any{
		"expression": expr, "awaitPromise": true, "returnByValue": true,
	}, &res)
	if err != nil {
		return err
	}
	if e := res.ExceptionDetails; e != nil {
		return fmt.Errorf("assembling the document: %s %s", e.Text, e.Exception.Description)
	}
	return nil
}

// Page layout: A4, with room for the running title and the page number.
const (
	headerTemplate = `<div style="width:100%;margin:0 15mm;font-size:14pt;font-family:sans-serif;color:#000"><span class="title"></span></div>`
	footerTemplate = `<div style="width:100%;text-align:center;font-size:14pt;font-family:sans-serif;color:#000"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`
)

func printParams() map[string]any {
	return map[string]any{
		"paperWidth": 8.27, "paperHeight": 11.69, // A4 in inches
		"marginTop": 0.8, "marginBottom": 0.8, "marginLeft": 0.6, "marginRight": 0.6,
		"printBackground":         true,
		"displayHeaderFooter":     true,
		"headerTemplate":          headerTemplate,
		"footerTemplate":          footerTemplate,
		"generateTaggedPDF":       true,
		"generateDocumentOutline": true,
		"transferMode":            "ReturnAsBase64",
	}
}

// escapePath percent-encodes a slash path for a URL.
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// limited keeps the first max bytes written to it.
type limited struct {
	b   *bytes.Buffer
	max int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.max - l.b.Len(); room > 0 {
		if len(p) > room {
			l.b.Write(p[:room])
		} else {
			l.b.Write(p)
		}
	}
	return len(p), nil
}
