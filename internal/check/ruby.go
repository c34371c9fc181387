package check

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/markdown"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/site"
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
	sc := bufio.NewScanner(bytes.NewReader(in))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if format == "text" {
			out, err := furigana.Format(a.Annotate(line, mode), "text")
			if err != nil {
				return err
			}
			fmt.Fprintln(w, out)
			continue
		}
		out, err := md.Inline(line, &markdown.Page{File: "stdin", Line: 1, Annotator: site.NewAnnotator(a, mode)})
		if err != nil {
			return err
		}
		fmt.Fprintln(w, out)
	}
	return sc.Err()
}
