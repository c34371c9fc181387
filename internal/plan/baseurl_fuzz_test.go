package plan

import (
	"net/url"
	"strings"
	"testing"

	"github.com/plansite/plansite/internal/diag"
)

// FuzzBaseURL: a base_url that validation accepts becomes an http(s)
// folder address that sitemap.xml and canonical links can print as it is
// (XML-escaping &): ASCII only, a host name without percent-escapes
// (小平.jp becomes xn--…), no space, quote, <, >, backslash, ? or #,
// ending in /, and accepted again unchanged.
func FuzzBaseURL(f *testing.F) {
	for _, s := range []string{"https://www.city.kodaira.tokyo.jp/plan/", "https://example.jp/a&b/", "https://example.jp/計画/",
		"javascript:alert(1)", "www.example.jp/plan/", "https://a/\"<b>", "https://a/?x#y", "https://user:pw@a/", "https://小平.jp/", "https://小平.jp:8443/計画/", "https://ｘ.jp/",
		"http://[::1]:8080/x/", "https://a/%zz/", "https://a/%2F/", "HTTPS://A/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		var errs diag.List
		s := &Site{BaseURL: raw}
		validateBaseURL(s, &errs)
		if errs.Err() != nil || raw == "" { // no base_url: no sitemap addresses
			return
		}
		got := s.BaseURL
		u, err := url.Parse(got)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || strings.Contains(u.Host, "%") || !strings.HasSuffix(got, "/") {
			t.Fatalf("%q became %q (%v)", raw, got, err)
		}
		if strings.ContainsFunc(got, func(r rune) bool { return r <= 0x20 || r >= 0x7f || strings.ContainsRune("\"'<>\\?#`", r) }) {
			t.Fatalf("%q became %q, which needs escaping", raw, got)
		}
		again := &Site{BaseURL: got}
		validateBaseURL(again, &errs)
		if errs.Err() != nil || again.BaseURL != got {
			t.Fatalf("%q became %q, then %q (%v)", raw, got, again.BaseURL, errs.Err())
		}
	})
}
