// Package check is the authors' lint: it runs the easy-read checker over
// every easy text of a plan (chapters' .easy.md files and the easy: fields
// of the YAML files) and lists the words whose readings an editor should
// confirm in content/readings.yaml: kanji words the furigana analyzer does
// not know, compounds it read kanji by kanji, and place names, the last as
// lines ready to paste into readings.yaml.
package check

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/plansite/plansite/internal/easyread"
	"github.com/plansite/plansite/internal/furigana"
	"github.com/plansite/plansite/internal/plan"
	"github.com/plansite/plansite/internal/ruby"
	"github.com/plansite/plansite/internal/site"
)

// Result counts what a check found.
type Result struct {
	Errors   int
	Warnings int
	Pages    int // easy texts checked, counted per source file
}

// Run loads the plan in root, checks it and prints the findings to w as
// "file:line: rule: message", then one readability line per file, the place
// names to confirm as readings.yaml lines, and a summary. Loading errors
// are returned as they are.
func Run(root string, w io.Writer) (Result, error) {
	s, err := plan.Load(root)
	if err != nil {
		return Result{}, err
	}
	return Site(s, w), nil
}

// Site checks an already loaded plan.
func Site(s *plan.Site, w io.Writer) Result {
	cfg := config(s.EasyRead)
	var res Result
	byFile := map[string][]string{}
	var files []string
	for _, t := range EasyTexts(s) {
		rep := easyread.Check(t.File, t.Line, t.Text, cfg)
		for _, f := range rep.Findings {
			fmt.Fprintf(w, "%s: %s\n", f.Severity, f)
		}
		res.Errors += rep.Errors()
		res.Warnings += rep.Warnings()
		if _, ok := byFile[t.File]; !ok {
			files = append(files, t.File)
		}
		byFile[t.File] = append(byFile[t.File], t.Text)
	}
	sort.Strings(files)
	for _, f := range files {
		r := easyread.ReadabilityOf(strings.Join(byFile[f], "\n\n"))
		fmt.Fprintf(w, "%s: readability %.1f (建石・小野・山田 1988; higher is easier; %d sentences)\n", f, r.Score, r.Sentences)
	}
	res.Pages = len(files)
	res.Warnings += readingNotes(s, w)
	for _, mw := range site.MarkdownWarnings(s) {
		fmt.Fprintf(w, "warning: %v\n", mw)
		res.Warnings++
	}
	fmt.Fprintf(w, "checked %d easy-read files: %d errors, %d warnings\n", res.Pages, res.Errors, res.Warnings)
	return res
}

func config(l plan.EasyReadLimits) easyread.Config {
	return easyread.Config{
		MaxSentence:   l.MaxSentence,
		MaxCommas:     l.MaxCommas,
		MaxKanjiRatio: l.MaxKanjiRatio,
		Grade:         l.Grade,
		MaxKatakana:   l.MaxKatakana,
		HardWords:     l.HardWords,
	}
}

// readingNotes prints, once per word, what the furigana analyzer asks an
// editor to confirm in the plan's texts: unknown words and compounds read
// kanji by kanji as warnings with file:line, then the place names that
// readings.yaml does not list as readings.yaml lines with the reading the
// site uses now. It returns how many words it printed.
func readingNotes(s *plan.Site, w io.Writer) int {
	a := furigana.New(furigana.Dictionary(s.Readings))
	seen := map[string]bool{}
	var places []string
	for _, t := range AllTexts(s) {
		for i, line := range strings.Split(t.Text, "\n") {
			for _, n := range a.Notes(ruby.Plain(line)) {
				if seen[n.Word] {
					continue
				}
				seen[n.Word] = true
				at := fmt.Sprintf("%s:%d", t.File, t.Line+i)
				switch n.Kind {
				case furigana.NoteUnknown:
					fmt.Fprintf(w, "warning: %s: unknown-word: the furigana analyzer does not know %q (add `%s: よみ` to %s)\n",
						at, n.Word, n.Word, readingsFile)
				case furigana.NoteSplit:
					fmt.Fprintf(w, "warning: %s: split-word: the furigana analyzer does not know %q and reads it kanji by kanji as %s (confirm it: add `%s: %s` to %s)\n",
						at, n.Word, n.Reading, n.Word, n.Reading, readingsFile)
				case furigana.NotePlace:
					places = append(places, placeLine(n, at))
				}
			}
		}
	}
	if len(places) > 0 {
		fmt.Fprintf(w, "# %d place names that %s does not list, with the readings the site uses now.\n# Check each reading, then paste the lines into %s:\n", len(places), readingsFile, readingsFile)
		for _, p := range places {
			fmt.Fprintln(w, p)
		}
	}
	return len(seen)
}

// readingsFile is where a plan's readings dictionary lives.
const readingsFile = plan.ContentDir + "/readings.yaml"

// placeLine formats a place name as a readings.yaml line with a comment
// saying where it was found and where its reading comes from.
func placeLine(n furigana.Note, at string) string {
	from := "the analyzer's guess"
	if n.Municipal {
		from = "Japan Post's municipality list"
	}
	return fmt.Sprintf("%s: %s  # %s, %s", n.Word, n.Reading, at, from)
}
