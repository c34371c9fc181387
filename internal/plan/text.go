package plan

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/chars"
	"github.com/plansite/plansite/internal/diag"
)

// checkText reports the first invalid UTF-8 byte, control character or
// noncharacter (U+FFFF …) of a content file, with its line. Control characters (ESC, BEL, DEL, the C1
// range …) come from copying out of terminals and old word processors;
// they are invisible, and in HTML they are errors. Tab, line feed and
// carriage return are allowed (CRLF files are fine), and so is a leading
// byte order mark.
func checkText(name string, src []byte) error {
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return diag.New(name, line, "invalid UTF-8", "save the file as UTF-8, not Shift_JIS")
		case r == '\n':
			line++
		case chars.IsControl(r):
			return diag.New(name, line, fmt.Sprintf("control character %s in the text", controlName(r)),
				"delete it: it is invisible and not allowed in web pages (retype the line if you cannot see it)")
		case chars.IsNoncharacter(r):
			return diag.New(name, line, fmt.Sprintf("noncharacter U+%04X in the text", r),
				"delete it: it is not a character, and not allowed in web pages or e-books (retype the line if you cannot see it)")
		}
		i += size
	}
	return nil
}

var controlNames = map[rune]string{0: "NUL", 7: "BEL", 8: "BS", 0x0b: "VT", 0x0c: "FF", 0x1b: "ESC", 0x7f: "DEL"}

// normalizeNewlines turns CRLF and lone CR (old Mac, some Excel exports)
// line ends into LF, so that every stage counts the same lines.
func normalizeNewlines(src []byte) []byte {
	if !bytes.ContainsRune(src, '\r') {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// controlName prints a control character as U+001B (ESC).
func controlName(r rune) string {
	if n, ok := controlNames[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}
