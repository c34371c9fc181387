package search

import "strings"

// seg is a piece of a document's text: a literal piece (reading == "",
// read as its own normalised form) or a run with its normalised reading.
type seg struct {
	base    []rune
	reading string
}

// encodeRuby writes segs as {base|reading} ruby text; see the package
// comment.
func encodeRuby(segs []seg) string {
	var b strings.Builder
	esc := func(s string) {
		for _, c := range s {
			if c == '\\' || c == '{' || c == '|' || c == '}' {
				b.WriteByte('\\')
			}
			b.WriteRune(c)
		}
	}
	for _, s := range segs {
		if s.reading == "" {
			esc(string(s.base))
			continue
		}
		b.WriteByte('{')
		esc(string(s.base))
		b.WriteByte('|')
		esc(s.reading)
		b.WriteByte('}')
	}
	return b.String()
}
