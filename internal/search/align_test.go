package search

import "unicode"

// alignedDoc is a document whose text is given with the reading of the
// whole of it, split into runs by align.
func alignedDoc(url, title, section, text, reading string) Doc {
	d := Doc{URL: url, Title: title, Section: section}
	for _, s := range align(Compose(text), reading) {
		d.Runs = append(d.Runs, Run{Text: string(s.base), Reading: s.reading})
	}
	return d
}

// readable reports whether r may be read differently from how it is
// written: kanji (with 々 〆 〇 ヶ ヵ) and digits (read with their counter:
// 1人 ひとり). Everything else is expected in the reading unchanged.
func readable(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９':
		return true
	case r == '々', r == '〆', r == '〇', r == 'ヶ', r == 'ヵ', r == 'ゖ', r == 'ゕ':
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// minReading is the shortest reading a run can have: a kana per kanji.
func minReading(run []rune) int {
	n := 0
	for _, r := range run {
		if readable(r) && !(r >= '0' && r <= '9') && !(r >= '０' && r <= '９') {
			n++
		}
	}
	return n
}

// align splits text (composed) into pieces and gives each readable run its
// part of reading: how tests write documents as a text and its whole
// reading. (A build gives the pieces themselves: Doc.Runs.)
func align(text, reading string) []seg {
	t := []rune(text)
	if reading == "" {
		return []seg{{base: t}}
	}
	n := make([]rune, len(t))
	for i, c := range t {
		n[i] = fold(c)
	}
	r := []rune(Normalize(reading))
	var segs []seg
	p := 0   // position in r
	ks := -1 // start in t of the pending readable run, or -1
	for i := 0; i < len(t); {
		lit := !readable(t[i])
		j := i
		for j < len(t) && !readable(t[j]) == lit {
			j++
		}
		if !lit {
			if ks < 0 {
				ks = i
			}
			i = j
			continue
		}
		w := n[i:j]
		switch {
		case ks >= 0:
			// The literal run must follow the pending run's reading; a
			// reading is at most a few kana per character.
			if q := indexRunes(r, w, p+minReading(t[ks:i]), p+6*(i-ks)+8); q >= 0 {
				segs = appendRun(segs, t[ks:i], r[p:q])
				segs = appendRun(segs, t[i:j], nil)
				p, ks = q+len(w), -1
			} // else the run takes in this literal text and goes on
		case hasRunesAt(r, p, w):
			segs = appendRun(segs, t[i:j], nil)
			p += len(w)
		default:
			ks = i // out of step: read this literal text with what follows
		}
		i = j
	}
	if ks >= 0 {
		segs = appendRun(segs, t[ks:], r[p:])
	}
	return segs
}

// appendRun appends base with reading, as a literal piece when the
// reading is empty or the base's own normalised form. The start and end
// that base and reading share (2029 in 2029年度 read 2029ねんど) become literal
// pieces of their own.
func appendRun(segs []seg, base, reading []rune) []seg {
	if len(base) == 0 {
		return segs
	}
	if len(reading) > 0 {
		pre := 0
		for pre < len(base) && pre < len(reading) && fold(base[pre]) == reading[pre] {
			pre++
		}
		suf := 0
		for suf < len(base)-pre && suf < len(reading)-pre && fold(base[len(base)-1-suf]) == reading[len(reading)-1-suf] {
			suf++
		}
		if (pre > 0 || suf > 0) && pre+suf < len(base) && pre+suf < len(reading) {
			segs = appendRun(segs, base[:pre], nil)
			segs = appendRun(segs, base[pre:len(base)-suf], reading[pre:len(reading)-suf])
			return appendRun(segs, base[len(base)-suf:], nil)
		}
	}
	rd := string(reading)
	if rd == "" || rd == foldRunes(base) {
		rd = ""
		if k := len(segs) - 1; k >= 0 && segs[k].reading == "" {
			segs[k].base = append(segs[k].base, base...)
			return segs
		}
	}
	return append(segs, seg{base: append([]rune(nil), base...), reading: rd})
}

// indexRunes returns the first q in [from, to] with w at r[q:], or -1.
func indexRunes(r, w []rune, from, to int) int {
	to = min(to, len(r)-len(w))
	for q := from; q <= to; q++ {
		if hasRunesAt(r, q, w) {
			return q
		}
	}
	return -1
}

func hasRunesAt(r []rune, p int, w []rune) bool {
	if p < 0 || p+len(w) > len(r) {
		return false
	}
	for k, c := range w {
		if r[p+k] != c {
			return false
		}
	}
	return true
}
