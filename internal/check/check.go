// Package check is the authors' lint: it runs the easy-read checker over
// every easy text of a plan (chapters' .easy.md files and the easy: fields
// of the YAML files) and lists kanji words the furigana analyzer does not
// know, so that authors can add them to content/readings.yaml.
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
)

// Result counts what a check found.
type Result struct {
	Errors   int
	Warnings int
	Pages    int // easy texts checked, counted per source file
}

// Run loads the plan in root, checks it and prints the findings to w as
// "file:line: rule: message", then one readability line per file and a
// summary. Loading errors are returned as they are.
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
	res.Warnings += unknownWords(s, w)
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

// unknownWords prints, once per word, the kanji words of the standard texts
// that neither the analyzer nor readings.yaml knows.
func unknownWords(s *plan.Site, w io.Writer) int {
	a := furigana.New(furigana.Dictionary(s.Readings))
	seen := map[string]bool{}
	n := 0
	for _, t := range AllTexts(s) {
		for i, line := range strings.Split(t.Text, "\n") {
			for _, word := range a.Unknown(ruby.Plain(line)) {
				if seen[word] {
					continue
				}
				seen[word] = true
				n++
				fmt.Fprintf(w, "warning: %s:%d: unknown-word: the furigana analyzer does not know %q (add `%s: よみ` to content/readings.yaml)\n",
					t.File, t.Line+i, word, word)
			}
		}
	}
	return n
}
