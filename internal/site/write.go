package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/plansite/plansite/internal/output"
	"github.com/plansite/plansite/internal/render"

	"github.com/plansite/plansite/internal/safefs"
)

// writeExtra writes the content files that pages link to and
// sitemap.xml.
func (b *builder) writeExtra(out *output.Folder) error {
	if err := b.writeCopies(out); err != nil {
		return err
	}
	if b.site.BaseURL != "" {
		_, err := out.Write("sitemap.xml", b.sitemap())
		return err
	}
	return nil
}

// writeTheme writes the theme's static files under assets/ and returns
// their paths.
func (b *builder) writeTheme(out *output.Folder) ([]string, error) {
	var written []string
	err := fs.WalkDir(b.theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(b.theme, p)
		if err != nil {
			return err
		}
		name := render.AssetsDir + strings.TrimPrefix(p, "static/")
		written = append(written, name)
		_, err = out.Write(name, data)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return written, nil
}

// writeCopies copies the content files that pages link to, as they are.
func (b *builder) writeCopies(out *output.Folder) error {
	names := make([]string, 0, len(b.copies))
	for o := range b.copies {
		names = append(names, o)
	}
	sort.Strings(names)
	for _, o := range names {
		data, err := b.contentFS().ReadFile(b.copies[o])
		if err != nil {
			msg, hint := safefs.Problem(err)
			return fmt.Errorf("%s: %s (%s)", b.copies[o], msg, hint)
		}
		if err := out.WriteRaw(o, data); err != nil {
			return err
		}
	}
	return nil
}

// sitemap lists every page but the 404 page, in both variants, each with
// the date the page shows as its 更新日 as lastmod (none when the page shows
// none).
func (b *builder) sitemap() []byte {
	base := strings.TrimSuffix(b.site.BaseURL, "/") + "/"
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, pg := range b.pageList {
		if pg.Kind() == "notfound" {
			continue
		}
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(base+render.EscapePath(pg.Path())))
		buf.WriteString("</loc>")
		if d := b.r.Date(pg); d != "" {
			buf.WriteString("<lastmod>" + d + "</lastmod>")
		}
		buf.WriteString("</url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// contentFS reads the content files that pages link to.
func (b *builder) contentFS() safefs.FS { return safefs.New(b.root, safefs.CopyLimit) }
