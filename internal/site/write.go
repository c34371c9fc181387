package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// writeExtra writes the theme's static files (under assets/), the content
// files that pages link to, and sitemap.xml.
func (b *builder) writeExtra(out *output) error {
	err := fs.WalkDir(b.theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(b.theme, p)
		if err != nil {
			return err
		}
		_, err = out.write(assetsDir+strings.TrimPrefix(p, "static/"), data)
		return err
	})
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if err := b.writeCopies(out); err != nil {
		return err
	}
	if b.site.BaseURL != "" {
		_, err := out.write("sitemap.xml", b.sitemap())
		return err
	}
	return nil
}

// writeCopies copies the content files that pages link to, as they are.
func (b *builder) writeCopies(out *output) error {
	names := make([]string, 0, len(b.copies))
	for o := range b.copies {
		names = append(names, o)
	}
	sort.Strings(names)
	for _, o := range names {
		data, err := os.ReadFile(filepath.Join(b.root, filepath.FromSlash(b.copies[o])))
		if err != nil {
			return fmt.Errorf("%s: %w", b.copies[o], err)
		}
		if err := out.writeRaw(o, data); err != nil {
			return err
		}
	}
	return nil
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

// swap replaces dest by tmp. Where the system exchanges two folders in
// one step (Linux's renameat2), dest holds the whole old or the whole new
// output at every moment, so a server reading it during a rebuild never
// finds a hole. Elsewhere dest is renamed aside first, so that a failure
// in between can be undone.
func swap(tmp, dest string) error {
	if exchanged, err := exchange(tmp, dest); err != nil {
		os.RemoveAll(tmp)
		return err
	} else if exchanged {
		return os.RemoveAll(tmp) // now the old output
	}
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
