package bundle

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// siteFiles reads the trimmed sample build in testdata/site.
func siteFiles(t testing.TB) []File {
	t.Helper()
	root := filepath.Join("testdata", "site")
	var files []File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}

func testMeta() Meta {
	return Meta{
		Title:     "第四次小平市障がい者福祉計画",
		Author:    "小平市",
		Publisher: "健康福祉部 障がい者支援課",
		Language:  "ja",
		Modified:  time.Date(2024, 4, 1, 9, 30, 14, 0, time.UTC),
	}
}

func reversed(files []File) []File {
	out := make([]File, len(files))
	for i, f := range files {
		out[len(files)-1-i] = f
	}
	return out
}

func openZip(t testing.TB, data []byte) *zip.Reader {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

func readEntry(t testing.TB, zr *zip.Reader, name string) []byte {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return data
}

// node is a tiny XML tree built with encoding/xml in strict mode.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*node
	text     string // for text nodes (name.Local == "")
	parent   *node
}

func (n *node) attr(local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == local && (a.Name.Space == "" || local == "type") {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) attrNS(space, local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value, true
		}
	}
	return "", false
}

// parseXML parses data as well-formed XML or fails.
func parseXML(t testing.TB, name string, data []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &node{}
	cur := root
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name, attrs: append([]xml.Attr(nil), tok.Attr...), parent: cur}
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			cur.children = append(cur.children, &node{text: string(tok), parent: cur})
		}
	}
	for _, c := range root.children {
		if c.name.Local != "" {
			return c
		}
	}
	t.Fatalf("%s has no root element", name)
	return nil
}

// all returns the elements below n (n included) with local name local
// ("" for every element).
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(n *node) {
		if n.name.Local != "" && (local == "" || n.name.Local == local) {
			out = append(out, n)
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// textContent is the text below n; skipRT leaves out rt and rp.
func (n *node) textContent(skipRT bool) string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		if n.name.Local == "" {
			b.WriteString(n.text)
			return
		}
		if skipRT && (n.name.Local == "rt" || n.name.Local == "rp") {
			return
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}
