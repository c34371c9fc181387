package render

import (
	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
)

// ChapterErrors converts the Markdown of every chapter of s, for its
// errors only (links, headings, tables, images, ruby): they do not depend
// on the YAML files, so a build whose YAML failed to load still reports
// them, and an author sees every problem in one run. s may be partly
// loaded. Without a usable theme there is nothing to check links against.
func ChapterErrors(s *plan.Site, root string) diag.List {
	th, err := Theme(root, s.Theme)
	if err != nil {
		return nil
	}
	r := &Renderer{site: s, root: root, targets: targets(s), theme: th}
	md := markdown.New(MarkdownOptions(s))
	var errs diag.List
	for _, c := range s.Chapters {
		errs.Add(r.checkMarkdown(md, c.File, c.Body))
		if c.Easy != nil {
			errs.Add(r.checkMarkdown(md, c.Easy.File, c.Easy.Body))
		}
	}
	return errs
}

// checkMarkdown converts one chapter file, for its errors only.
func (r *Renderer) checkMarkdown(md *markdown.Converter, file string, src []byte) error {
	_, err := md.ConvertFile(src, &markdown.Page{
		File: file, Line: 1, HeadingBase: 2,
		Resolve: r.resolver(file, chapterPath("x"), Standard, &pageLinks{used: map[string]bool{}, copies: map[string]string{}}),
	})
	return err
}
