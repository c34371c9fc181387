package render

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
)

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"index.html", "chapters/01-a.html", "chapters/01-a.html"},
		{"chapters/01-a.html", "chapters/02-b.html", "02-b.html"},
		{"chapters/01-a.html", "index.html", "../index.html"},
		{"chapters/01-a.html", "pillars/1.html#measure-3", "../pillars/1.html#measure-3"},
		{"easy/chapters/01-a.html", "chapters/01-a.html", "../../chapters/01-a.html"},
		{"chapters/01-a.html", "easy/chapters/01-a.html", "../easy/chapters/01-a.html"},
		{"easy/index.html", "easy/pillars/2.html", "pillars/2.html"},
		{"pillars/1.html", "pillars/1.html#measure-2", "#measure-2"},
		{"pillars/1.html", "pillars/1.html", "1.html"},
		{"easy/pillars/1.html", "assets/plansite.css", "../../assets/plansite.css"},
	}
	for _, tt := range tests {
		if got := rel(tt.from, tt.to); got != tt.want {
			t.Errorf("rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

// FuzzEscapePath: an escaped path holds only URL path characters, decodes
// back to itself, and is safe as XML text in sitemap.xml.
func FuzzEscapePath(f *testing.F) {
	for _, s := range []string{"files/計画書 #2.pdf", `a&b"c<d>.csv`, "../x/100%.pdf", "a?b#c", "\x00\x1b", "..\\a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		e := EscapePath(p)
		if strings.ContainsFunc(e, func(r rune) bool {
			return r > 0x7e || r <= 0x20 || strings.ContainsRune(`"<>\#?`, r)
		}) {
			t.Fatalf("EscapePath(%q) = %q has unsafe characters", p, e)
		}
		if d, err := url.PathUnescape(e); err != nil || d != p {
			t.Fatalf("EscapePath(%q) = %q decodes to %q, %v", p, e, d, err)
		}
		var buf bytes.Buffer
		xml.EscapeText(&buf, []byte("https://example.jp/"+e))
		var loc string
		if err := xml.Unmarshal([]byte("<loc>"+buf.String()+"</loc>"), &loc); err != nil || loc != "https://example.jp/"+e {
			t.Fatalf("loc %q: %q, %v", e, loc, err)
		}
	})
}

func TestEscapePath(t *testing.T) {
	for in, want := range map[string]string{
		"../files/a b.pdf":     "../files/a%20b.pdf",
		"files/計画.pdf":         "files/%E8%A8%88%E7%94%BB.pdf",
		`x/a#b?c%d&e"f<g>.png`: "x/a%23b%3Fc%25d&e%22f%3Cg%3E.png",
		"../../index.html":     "../../index.html",
	} {
		if got := EscapePath(in); got != want {
			t.Errorf("EscapePath(%q) = %q, want %q", in, got, want)
		}
	}
}
