package check

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/render"
	"github.com/plansite/plansite/internal/ruby"
)

// Ruby prints in with furigana on every kanji word (総ルビ), line by line,
// using root's content/readings.yaml when there is one. format "text"
// prints 漢字(かんじ); "html" prints the ruby markup the site uses.
func Ruby(root, format string, in []byte, w io.Writer) error {
	if format != "text" && format != "html" {
		return fmt.Errorf("unknown format %q (use html or text)", format)
	}
	dict, err := plan.LoadReadings(root)
	if err != nil {
		return err
	}
	a := furigana.New(furigana.Dictionary(dict))
	mode := furigana.Mode{All: true}
	md := markdown.New(markdown.Options{})
	annot := render.NewAnnotator(a, mode)
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		var out string
		var err error
		if format == "text" {
			out, err = rubyText(sc.Text(), a, mode)
			if err != nil {
				err = fmt.Errorf("stdin:%d: %w", n, err)
			}
		} else {
			var h template.HTML
			h, _, err = md.Inline(sc.Text(), &markdown.Page{File: "stdin", Line: n, Annotator: annot})
			out = string(h)
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(w, out)
	}
	return sc.Err()
}

// rubyText prints a line as 漢字(かんじ): author ruby as the author wrote
// it, the rest with the analyzer's readings.
func rubyText(line string, a *furigana.Annotator, mode furigana.Mode) (string, error) {
	segs, err := ruby.Parse(line)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	for _, seg := range segs {
		if seg.Readings == nil {
			out, err := furigana.Format(a.Annotate(seg.Base, mode), "text")
			if err != nil {
				return "", err
			}
			sb.WriteString(out)
			continue
		}
		sb.WriteString(seg.Base + "(" + ruby.Reading(seg) + ")")
	}
	return sb.String(), nil
}
