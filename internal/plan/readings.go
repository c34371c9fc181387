package plan

import (
	"fmt"
	"strings"

	"github.com/plansite/plansite/internal/diag"
	"github.com/plansite/plansite/internal/kanji"
	"gopkg.in/yaml.v3"
)

const readingsHint = "write one word: reading per line, the reading in hiragana or katakana: 小平: こだいら"

// readingsOf reads the word → reading pairs of readings.yaml from its
// mapping node n. Every entry that cannot be used (a reading that is not
// all kana, an empty word, a word given twice, a value that is not a
// text) is reported at its line, never dropped silently.
func readingsOf(file string, n *yaml.Node, errs *diag.List) map[string]string {
	if n.Kind != yaml.MappingNode {
		errs.Add(diag.New(file, n.Line, "readings.yaml must be a list of word: reading lines", readingsHint))
		return nil
	}
	m := map[string]string{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		word, reading := strings.TrimSpace(k.Value), strings.TrimSpace(v.Value)
		switch {
		case k.Kind != yaml.ScalarNode || word == "":
			errs.Add(diag.New(file, k.Line, "a reading needs a word before the colon", readingsHint))
		case v.Kind != yaml.ScalarNode || v.Tag == "!!null":
			errs.Add(diag.New(file, v.Line, fmt.Sprintf("the reading of %q is missing or not a text", word), readingsHint))
		case seen[word] > 0:
			errs.Add(diag.New(file, k.Line, fmt.Sprintf("%q is given twice (also line %d)", word, seen[word]), "keep one reading per word"))
		case !isReading(reading):
			errs.Add(diag.New(file, v.Line, fmt.Sprintf("the reading %q of %q is not kana", reading, word), readingsHint))
		default:
			m[word] = reading
			seen[word] = k.Line
		}
	}
	return m
}

// isReading reports whether s is all kana.
func isReading(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !kanji.IsKana(r) })
}
