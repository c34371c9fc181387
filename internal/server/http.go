package server

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Paths the server reserves for itself; a site has no _plansite folder.
const (
	prefix     = "/_plansite/"
	eventsPath = prefix + "events"
	statusPath = prefix + "status"
	scriptPath = prefix + "live.js"
)

//go:embed live.js
var liveJS []byte

// contentTypes fixes the types of the files a site is made of, rather than
// trusting the system's MIME tables.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
	".epub":        "application/epub+zip",
	".webmanifest": "application/manifest+json",
}

// contentType returns the type of a file by its name, or "" when unknown.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
}

func isHTML(ctype string) bool { return strings.HasPrefix(ctype, "text/html") }

// ServeHTTP serves the server's own endpoints and the files of Dest.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch p := r.URL.Path; {
	case p == eventsPath:
		s.serveEvents(w, r)
	case p == statusPath:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, s.status())
	case p == scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
	case strings.HasPrefix(p, prefix):
		http.NotFound(w, r)
	default:
		s.serveFile(w, r)
	}
}

// serveEvents is the SSE stream: "version" on connect (and "error" if the
// last build failed), then "reload" and "error" after each build.
func (s *server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	ch, version, lastErr := s.subscribe()
	defer s.unsubscribe(ch)
	io.WriteString(w, "retry: 1000\n\n")
	writeEvent(w, event{name: "version", data: version})
	if lastErr != nil {
		writeEvent(w, errorEvent(lastErr))
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			if writeEvent(w, ev) != nil {
				return
			}
			flusher.Flush()
		}
	}
}

// writeEvent writes ev in the text/event-stream format: one data field per
// line, which the browser joins with "\n".
func writeEvent(w io.Writer, ev event) error {
	var b strings.Builder
	b.WriteString("event: " + ev.name + "\n")
	for _, l := range strings.Split(ev.data, "\n") {
		b.WriteString("data: " + strings.TrimRight(l, "\r") + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// serveFile serves a file of Dest, index.html for a folder, or the 404 page.
func (s *server) serveFile(w http.ResponseWriter, r *http.Request) {
	upath := r.URL.Path
	if !strings.HasPrefix(upath, "/") {
		upath = "/" + upath
	}
	clean := path.Clean(upath)
	rel := strings.TrimPrefix(clean, "/")
	if rel == "" {
		rel = "."
	}
	version := s.version() // before reading: a newer page only reloads once more

	f, err := os.OpenInRoot(s.dest, rel)
	if err != nil && s.madeOnDemand(rel) {
		if berr := s.call(s.complete); berr != nil {
			http.Error(w, "the file could not be made: "+berr.Error(), http.StatusInternalServerError)
			return
		}
		f, err = os.OpenInRoot(s.dest, rel)
	}
	if err != nil {
		s.serveNotFound(w, r, rel, version)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		s.serveNotFound(w, r, rel, version)
		return
	}
	if fi.IsDir() {
		if !strings.HasSuffix(upath, "/") {
			redirect(w, r, strings.TrimSuffix(clean, "/")+"/")
			return
		}
		f.Close()
		rel = path.Join(rel, "index.html")
		if f, err = os.OpenInRoot(s.dest, rel); err != nil {
			s.serveNotFound(w, r, rel, version)
			return
		}
		defer f.Close()
		if fi, err = f.Stat(); err != nil || fi.IsDir() {
			s.serveNotFound(w, r, rel, version)
			return
		}
	} else if strings.HasSuffix(upath, "/") {
		redirect(w, r, clean) // a file's relative links need its own URL
		return
	}

	ctype := contentType(rel)
	if !isHTML(ctype) {
		if ctype != "" {
			w.Header().Set("Content-Type", ctype)
		} // else http.ServeContent sniffs it
		http.ServeContent(w, r, rel, fi.ModTime(), f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ctype)
	// No modification time: the injected version changes without the file.
	http.ServeContent(w, r, rel, time.Time{}, bytes.NewReader(injectScript(page, version)))
}

// madeOnDemand reports whether rel is a file Complete makes.
func (s *server) madeOnDemand(rel string) bool {
	if s.complete == nil {
		return false
	}
	for _, p := range s.onDemand {
		if strings.HasPrefix(rel, p) {
			return true
		}
	}
	return false
}

func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, to, http.StatusFound)
}

// serveNotFound answers status 404 with the nearest 404.html: that of the
// missing path's folder or of a folder above it (easy/404.html for the easy
// variant, 404.html at the top).
func (s *server) serveNotFound(w http.ResponseWriter, r *http.Request, rel, version string) {
	var page []byte
	dir := path.Dir(rel)
	for {
		if b, err := readInRoot(s.dest, path.Join(dir, "404.html")); err == nil {
			page = rootRelative(b, dir)
			break
		}
		if dir == "." || dir == "/" {
			break
		}
		dir = path.Dir(dir)
	}
	if page == nil {
		page = fallbackNotFound(s.status())
	}
	page = injectScript(page, version)
	h := w.Header()
	h.Set("Content-Type", contentTypes[".html"])
	h.Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

func readInRoot(root, name string) ([]byte, error) {
	f, err := os.OpenInRoot(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fs.ErrNotExist
	}
	return io.ReadAll(f)
}

// fallbackNotFound is the 404 page when the site has none, typically
// because no build has succeeded yet.
func fallbackNotFound(status string) []byte {
	return fmt.Appendf(nil, `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ページが見つかりません (plansite serve)</title></head>
<body>
<main>
<h1>ページが見つかりません</h1>
<p>このページはありません。サイトがまだできていない場合は、作れしだいこのページを読み込み直します。</p>
<p lang="en">Build status at %s:</p>
<pre lang="en">%s</pre>
</main>
</body>
</html>
`, time.Now().Format("15:04:05"), html.EscapeString(status))
}

// attrURL matches href and src attributes with a quoted value.
var attrURL = regexp.MustCompile(`(?i)(\s(?:href|src)\s*=\s*)("[^"]*"|'[^']*')`)

// rootRelative rewrites the relative links of a page that lives in dir
// (slash-separated, "." at the top) to root-relative ones, so that the page
// works when served for a missing path in any folder. Fragment-only links
// such as the skip link stay as they are.
func rootRelative(page []byte, dir string) []byte {
	base := "/"
	if dir != "." {
		base = "/" + dir + "/"
	}
	return attrURL.ReplaceAllFunc(page, func(m []byte) []byte {
		sub := attrURL.FindSubmatch(m)
		quoted := sub[2]
		q, val := quoted[0], string(quoted[1:len(quoted)-1])
		if val == "" || strings.HasPrefix(val, "#") || strings.HasPrefix(val, "/") ||
			strings.HasPrefix(val, "?") || hasScheme(val) {
			return m
		}
		abs := path.Join(base, val)
		if strings.HasSuffix(val, "/") && abs != "/" {
			abs += "/"
		}
		return fmt.Appendf(nil, "%s%c%s%c", sub[1], q, abs, q)
	})
}

// hasScheme reports whether a URL starts with a scheme such as https: or
// mailto:.
func hasScheme(u string) bool {
	for i, c := range u {
		switch {
		case c == ':':
			return i > 0
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// injectScript adds the live-reload script tag before the last </body> of
// page, or at its end when there is none (the parser puts it in the body).
// The script element is neither visible nor focusable.
func injectScript(page []byte, version string) []byte {
	tag := `<script src="` + scriptPath + `" data-version="` + html.EscapeString(version) + `"></script>`
	i := lastIndexFold(page, []byte("</body"))
	if i < 0 {
		return append(page[:len(page):len(page)], tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex for an ASCII sep, ignoring case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
