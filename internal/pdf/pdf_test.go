package pdf

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/plansite/plansite/internal/bundle"
)

func TestFindOrder(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flagged, env := mk("flagged"), mk("fromenv")
	onPath := mk("chromium-browser")
	mk("google-chrome")
	t.Setenv("PATH", dir)
	getenv := func(v string) map[string]string { return map[string]string{EnvVar: v} }
	for _, tc := range []struct {
		name, flag string
		env        map[string]string
		want       string
	}{
		{"flag first", flagged, getenv(env), flagged},
		{"then CHROMIUM", "", getenv(env), env},
		{"then PATH, in order", "", nil, onPath},
	} {
		got, err := Find(tc.flag, func(k string) string { return tc.env[k] })
		if err != nil || got != tc.want {
			t.Errorf("%s: Find = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	if _, err := Find(filepath.Join(dir, "missing"), nil); err == nil || !strings.Contains(err.Error(), "--chromium") {
		t.Errorf("a missing --chromium browser: %v", err)
	}
	if _, err := Find("", func(string) string { return "/nowhere/chrome" }); err == nil || !strings.Contains(err.Error(), EnvVar+"=") {
		t.Errorf("a missing CHROMIUM browser: %v", err)
	}
	if _, err := Find("", func(string) string { return Off }); !errors.Is(err, ErrNoChromium) {
		t.Errorf("CHROMIUM=none: %v, want ErrNoChromium", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := Find("", func(string) string { return "" }); !errors.Is(err, ErrNoChromium) {
		t.Errorf("no browser at all: %v, want ErrNoChromium", err)
	}
}

func TestFixDates(t *testing.T) {
	in := []byte("<</Title (x)\n/CreationDate (D:20261201045139+00'00')\n/ModDate (D:20261201045139+09'00')>>\n/CreationDate (D:2026)")
	got := fixDates(in, time.Date(2024, 4, 1, 9, 30, 0, 0, time.UTC))
	want := "<</Title (x)\n/CreationDate (D:20240401093000+00'00')\n/ModDate (D:20240401093000+00'00')>>\n/CreationDate (D:2026)"
	if string(got) != want || len(got) != len(in) {
		t.Errorf("fixDates:\n%s\nwant\n%s", got, want)
	}
}

func TestStableNodeIDs(t *testing.T) {
	// two runs whose DOM counters differ by one give the same bytes; the
	// ID tree (sorted by id) stays sorted
	run := func(base int) []byte {
		return fmt.Appendf(nil, "<</ID (node%08d)>>\n<</ID (node%08d)>>\n/IDTree <</Names [(node%08d) 1 0 R (node%08d) 2 0 R]>>", base+7, base, base, base+7)
	}
	a, b := stable(run(1118), time.Unix(0, 0)), stable(run(1119), time.Unix(0, 0))
	want := "<</ID (node00000002)>>\n<</ID (node00000001)>>\n/IDTree <</Names [(node00000001) 1 0 R (node00000002) 2 0 R]>>"
	if string(a) != want || string(b) != want {
		t.Errorf("renumbered:\n%s\n%s\nwant\n%s", a, b, want)
	}
}

// poppler runs a poppler-utils program, skipping the test when it is not
// installed (scripts/install-deps.sh installs it).
func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (poppler-utils; make test installs it)", name)
	}
	out, err := exec.Command(p, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

const testPage = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>%s</title>
<style>body{font-family:"Noto Sans CJK JP",sans-serif} html[data-fs="xl"]{font-size:16pt}</style></head>
<body><header><a href="index.html">ホーム</a> <a href="search.html">検索</a></header>
<input type="checkbox" id="pref-furigana" %s><main>%s</main></body></html>`

func writeSite(t *testing.T) string {
	dir := t.TempDir()
	pages := map[string][3]string{
		"index.html": {"表紙", "checked", `<h1>テスト計画</h1><section data-web-only><h2>ダウンロードの案内</h2></section><p>表紙の文章です。</p>`},
		"chapters/a.html": {"第一章", "checked", `<h1 id="top">計画の目的</h1><h2 id="s1">計画の背景</h2>
<p>背景の説明です。<a href="b.html#t">推進体制へ</a>、<a href="../other.html">載らないページ</a>、<a href="https://example.jp/x">市のサイト</a>。</p>`},
		"chapters/b.html": {"第二章", "", `<h1>推進体制</h1><h2 id="t">体制の点検</h2><p><ruby class="furi">点検<rt>てんけん</rt></ruby>をします。</p>`},
	}
	for name, p := range pages {
		f := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, fmt.Appendf(nil, testPage, p[0], p[1], p[2]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPrint prints a small site (only where Chromium and poppler-utils are
// installed): the PDF is tagged, has an outline, reads in order, embeds
// its fonts, keeps its links inside the document, and is the same from
// one browser run to the next.
func TestPrint(t *testing.T) {
	chromium, err := Find("", os.Getenv)
	if err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	poppler(t, "pdfinfo", "-v")
	root := writeSite(t)
	out := t.TempDir()
	date := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	doc := Doc{
		Pages: []string{"index.html", "chapters/a.html", "chapters/b.html"},
		Title: "テスト計画（大きな文字）",
		Contents: Contents{Heading: "目次", Entries: []bundle.Entry{
			{Page: "chapters/a.html", Label: "第1章　計画の目的", Children: []bundle.Entry{{Page: "chapters/a.html", ID: "s1", Label: "計画の背景"}}},
			{Page: "chapters/b.html", Label: "第2章　推進体制"},
		}},
	}
	one, two := doc, doc
	one.Out, two.Out = filepath.Join(out, "one.pdf"), filepath.Join(out, "two.pdf")
	// two browsers, as two builds would use
	for _, d := range []Doc{one, two} {
		if err := Print(context.Background(), Options{Chromium: chromium, Root: root, Date: date}, []Doc{d}); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(one.Out)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(two.Out); !bytes.Equal(data, again) {
		t.Error("the same pages printed twice give different PDFs")
	}

	info := poppler(t, "pdfinfo", "-isodates", one.Out)
	for _, want := range []string{"Tagged:          yes", "Title:           テスト計画（大きな文字）", "CreationDate:    2024-04-01T00:00:00", "ModDate:         2024-04-01T00:00:00", "Page size:       595.92 x 841.92 pts (A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	// without spaces: extraction turns the ideographic space into spaces
	text := strings.Join(strings.Fields(poppler(t, "pdftotext", "-layout", one.Out, "-")), "")
	order := []string{"テスト計画", "表紙の文章", "目次", "第1章　計画の目的", "計画の背景", "第2章　推進体制", "計画の目的", "背景の説明", "推進体制", "体制の点検", "点検をします"}
	at := 0
	for _, w := range order {
		w = strings.ReplaceAll(w, "　", "")
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q is missing or out of reading order in:\n%s", w, text)
		}
		at += i + len(w)
	}
	for _, bad := range []string{"ダウンロードの案内", "てんけん"} {
		if strings.Contains(text, bad) {
			t.Errorf("%q is printed (web-only part, or readings of a page whose furigana starts off)", bad)
		}
	}
	if !regexp.MustCompile(`1/[1-9]`).MatchString(text) {
		t.Errorf("no page numbers in:\n%s", text)
	}
	fonts := poppler(t, "pdffonts", one.Out)
	rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(rows) == 0 {
		t.Fatalf("no fonts:\n%s", fonts)
	}
	for _, r := range rows {
		if f := strings.Fields(r); len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", r)
		}
	}
	if !bytes.Contains(data, []byte("/StructTreeRoot")) || !bytes.Contains(data, []byte("/Outlines")) {
		t.Error("no structure tree or no outline")
	}
	titles := outlineTitles(data)
	for _, w := range []string{"計画の目的", "計画の背景", "推進体制"} {
		if !strings.Contains(strings.Join(titles, "|"), w) {
			t.Errorf("outline %q lacks %q", titles, w)
		}
	}
	if bytes.Contains(data, []byte("127.0.0.1")) {
		t.Error("a link points at the print server")
	}
	if !bytes.Contains(data, []byte("(https://example.jp/x)")) {
		t.Error("the external link was lost")
	}
	if !bytes.Contains(data, []byte("/Dest /p2-t")) {
		t.Error("the link to another page does not go to its place in the document")
	}
}

var hexTitle = regexp.MustCompile(`/Title <FEFF([0-9A-F]+)>`)

// outlineTitles decodes the UTF-16 titles in the PDF (the document title
// and the outline items).
func outlineTitles(pdf []byte) []string {
	var out []string
	for _, m := range hexTitle.FindAllSubmatch(pdf, -1) {
		b, err := hex.DecodeString(string(m[1]))
		if err != nil || len(b)%2 != 0 {
			continue
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}
