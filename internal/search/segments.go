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

// decodeRuby reads ruby text written by encodeRuby back into segments.
func decodeRuby(ruby string) []seg {
	var segs []seg
	rs := []rune(ruby)
	i := 0
	// until reads up to an unescaped stop rune (or the end).
	until := func(stop rune) []rune {
		var out []rune
		for i < len(rs) {
			c := rs[i]
			i++
			if c == '\\' && i < len(rs) {
				out = append(out, rs[i])
				i++
				continue
			}
			if c == stop {
				break
			}
			out = append(out, c)
		}
		return out
	}
	var lit []rune
	for i < len(rs) {
		if rs[i] == '{' {
			if len(lit) > 0 {
				segs = append(segs, seg{base: lit})
				lit = nil
			}
			i++
			base := until('|')
			segs = append(segs, seg{base: base, reading: string(until('}'))})
			continue
		}
		if rs[i] == '\\' && i+1 < len(rs) {
			i++
		}
		lit = append(lit, rs[i])
		i++
	}
	if len(lit) > 0 {
		segs = append(segs, seg{base: lit})
	}
	return segs
}
