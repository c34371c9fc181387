// Package chars classifies the characters of authors' text that a reader
// cannot see: control characters, noncharacters and blank text.
package chars

import (
	"strings"
	"unicode"
)

// IsControl reports whether r is a control character other than tab, line
// feed and carriage return: C0 (ESC, BEL …), DEL and C1 (U+0080–U+009F).
// They come from terminals and old word processors, are invisible, and are
// errors in HTML.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f
}

// IsNoncharacter reports whether r is one of Unicode's 66 noncharacters:
// U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE,
// U+FFFF, U+1FFFE …). They are never text, are errors in HTML and are not
// allowed in XML (the EPUB's pages).
func IsNoncharacter(r rune) bool {
	return r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe
}

// IsBlank reports whether s has nothing a reader can see or hear: only
// white space (the ideographic space too), invisible format characters
// (zero-width space, joiners, byte order marks) and Hangul fillers.
func IsBlank(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != '\u3164' && r != '\u115f' && r != '\u1160' && r != '\uffa0'
	})
}
