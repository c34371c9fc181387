package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// extraFiles returns the theme's static files (under assets/), the content
// files that pages link to, and sitemap.xml, all minified when asked.
func (b *builder) extraFiles() ([]file, error) {
	var out []file
	err := fs.WalkDir(b.theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(b.theme, p)
		if err != nil {
			return err
		}
		out = append(out, file{Path: assetsDir + strings.TrimPrefix(p, "static/"), Data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	copies, err := b.copiedFiles()
	if err != nil {
		return nil, err
	}
	out = append(out, copies...)
	if b.site.BaseURL != "" {
		out = append(out, file{Path: "sitemap.xml", Data: b.sitemap()})
	}
	return out, nil
}

func (b *builder) copiedFiles() ([]file, error) {
	names := make([]string, 0, len(b.copies))
	for out := range b.copies {
		names = append(names, out)
	}
	sort.Strings(names)
	var files []file
	for _, out := range names {
		data, err := os.ReadFile(filepath.Join(b.root, filepath.FromSlash(b.copies[out])))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", b.copies[out], err)
		}
		files = append(files, file{Path: out, Data: data})
	}
	return files, nil
}

// sitemap lists every page but the 404 page, in both variants.
func (b *builder) sitemap() []byte {
	base := strings.TrimSuffix(b.site.BaseURL, "/") + "/"
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, pg := range b.pages() {
		if pg.kind == "notfound" {
			continue
		}
		fmt.Fprintf(&buf, "<url><loc>%s%s</loc></url>\n", base, pg.path)
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// writeAtomic writes files into a new folder beside dest and swaps it in
// only when every file was written. On any error dest is left as it was.
// Files in dest that are not in files disappear.
func writeAtomic(dest string, files []file) error {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".plansite-build-")
	if err != nil {
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, dest)
}

func writeAll(dir string, files []file) error {
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(path.Clean(f.Path)))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// swap replaces dest by tmp: dest is renamed aside first, so that a
// failure in between can be undone.
func swap(tmp, dest string) error {
	old := tmp + "-old"
	hadOld := true
	if err := os.Rename(dest, old); err != nil {
		if !os.IsNotExist(err) {
			os.RemoveAll(tmp)
			return err
		}
		hadOld = false
	}
	if err := os.Rename(tmp, dest); err != nil {
		if hadOld {
			os.Rename(old, dest)
		}
		os.RemoveAll(tmp)
		return err
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}
