package markdown

import (
	"strings"
	"testing"
)

// TestAccessibilityErrors: empty headings, links without text and links
// with unsafe schemes are errors at their lines, like a missing alt.
func TestAccessibilityErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty heading", "# 背景\n\n#\n", "c.md:3: empty heading (write the section's title after the #, or remove the #)"},
		{"invisible heading", "# \u200b\u3000\n", "c.md:1: empty heading"},
		{"link without text", "本文\n[](03-kihon.md)\n", "c.md:2: link without text (write the text a reader hears inside the brackets"},
		{"link of spaces", "[\u3000](03-kihon.md)\n", "c.md:1: link without text"},
		{"image without alt, invisible", "![\u200b](x.png)\n", "c.md:1: image without alt text"},
		{"javascript autolink", "a\n\n<javascript:alert(1)>\n", `c.md:3: link to "javascript:alert(1)": only http:, https:, mailto: and tel: addresses`},
		{"javascript link", "[押す](JavaScript:alert(1))\n", `c.md:1: link to "JavaScript:alert(1)": only http:`},
		{"data image", "![図](data:image/png;base64,AA)\n", `c.md:1: link to "data:image/png;base64,AA": only http:`},
		{"file link", "[a](file:///etc/passwd)\n", `c.md:1: link to "file:///etc/passwd"`},
		{"deep quotes", "a\n\n" + strings.Repeat(">", 3000) + " 引用\n", "c.md:3: text nested too deeply (more than 50 levels of lists, quotes or emphasis)"},
		{"deep emphasis", strings.Repeat("*", 500) + "a" + strings.Repeat("*", 500) + "\n", "c.md:1: text nested too deeply"},
		{"windows drive", "[a](C:\\docs\\a.pdf)\n", `c.md:1: link to "C:\docs\a.pdf": only http:`},
	}
	c := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			p := &Page{File: "c.md", Line: 1, Resolve: func(d string) (string, error) { called = strings.Contains(d, ":"); return d, nil }}
			_, err := c.Convert([]byte(tt.src), p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			if called {
				t.Error("an unsafe address was passed to Resolve")
			}
		})
	}
}

// TestSafeLinksPass: the allowed schemes and links with text are accepted.
func TestSafeLinksPass(t *testing.T) {
	src := "# 見出し\n\n<https://example.jp/> <mailto:a@example.jp> [電話](tel:042-000-0000) [図](picto:soudan) [章](02.md)\n"
	r, err := New(Options{}).Convert([]byte(src), &Page{File: "c.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="https://example.jp/"`, `href="tel:042-000-0000"`, `href="mailto:a@example.jp"`} {
		if !strings.Contains(string(r.HTML), want) {
			t.Errorf("%s lacks %s", r.HTML, want)
		}
	}
}
