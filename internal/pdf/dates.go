package pdf

import (
	"bytes"
	"regexp"
	"time"
)

// pdfDate matches the dates Chromium writes: /CreationDate (D:20261201045139+00'00')
// in the document information dictionary.
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)`)

// fixDates replaces the printing time in the PDF by date. The new value
// has the same length as the old one, so the cross-reference offsets stay
// right; a value of another shape is left alone.
func fixDates(pdf []byte, date time.Time) []byte {
	stamp := date.UTC().Format("20060102150405")
	return pdfDate.ReplaceAllFunc(pdf, func(m []byte) []byte {
		i := bytes.Index(m, []byte("(D:")) + 3
		out := append([]byte{}, m...)
		copy(out[i:], stamp)
		rest := out[i+len(stamp) : len(out)-1]
		if bytes.HasPrefix(rest, []byte("+00'00'")) || bytes.HasPrefix(rest, []byte("Z")) || len(rest) == 0 {
			return out
		}
		// a local offset: write UTC with the same width, +00'00' padded
		z := []byte("+00'00'")
		if len(rest) == len(z) {
			copy(rest, z)
			return out
		}
		return m
	})
}
