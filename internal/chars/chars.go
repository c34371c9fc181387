// Package chars classifies the characters of authors' text that a reader
// cannot see: control characters and blank text.
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

// IsBlank reports whether s has nothing a reader can see or hear: only
// white space (the ideographic space too), invisible format characters
// (zero-width space, joiners, byte order marks) and Hangul fillers.
func IsBlank(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != '\u3164' && r != '\u115f' && r != '\u1160' && r != '\uffa0'
	})
}
