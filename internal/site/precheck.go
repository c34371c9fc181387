package site

import (
	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
)

// withMarkdownErrors adds to the errors of a failed load those of the
// chapters' Markdown (links, headings, tables, images, ruby), which do not
// depend on the YAML files, so that an author sees every problem in one
// run instead of fixing the YAML first. s is the partly loaded site, or nil.
func withMarkdownErrors(s *plan.Site, opts Options, loadErr error) error {
	if s == nil {
		return loadErr
	}
	var errs diag.List
	errs.Add(loadErr)
	md := markdown.New(markdownOptions(s))
	b := &builder{site: s, root: opts.Root, targets: targets(s)}
	if th, err := themeFS(opts.Root, s.Theme); err == nil {
		b.theme = th
	}
	for _, c := range s.Chapters {
		errs.Add(checkMarkdown(b, md, c.File, c.Body))
		if c.Easy != nil {
			errs.Add(checkMarkdown(b, md, c.Easy.File, c.Easy.Body))
		}
	}
	return dedupe(errs).Err()
}

// checkMarkdown converts one chapter file, for its errors only.
func checkMarkdown(b *builder, md *markdown.Converter, file string, src []byte) error {
	if b.theme == nil {
		return nil
	}
	_, err := md.ConvertFile(src, &markdown.Page{
		File: file, Line: 1, HeadingBase: 2,
		Resolve: b.resolver(file, chapterPath("x"), Standard, &pageLinks{used: map[string]bool{}, copies: map[string]string{}}),
	})
	return err
}
