// Package ruby parses the author furigana syntax used in Markdown text and
// in every plain-text YAML field of a plan.
//
// Syntax:
//
//	{漢字|かんじ}        one reading over the whole base
//	{小平|こ|だいら}     one reading per character: the number of readings
//	                     must equal the number of characters (runes) of the base
//	{~漢字|かんじ}       a leading ~ marks the ruby as a reading aid (Segment.Aid)
//	\{                   a literal brace in plain text
//
// Inside a ruby, `\|` is accepted as a separator as well as `|`, so that ruby
// can be written in GFM table cells, where an unescaped | separates cells.
// A ruby must be closed on the line it starts on. Malformed ruby (an unclosed
// brace, a missing |, an empty base or reading, a reading count that does not
// match, a brace inside a ruby) is reported as a *SyntaxError.
//
// The package knows nothing about HTML or Markdown; rendering is done by
// internal/markdown and the templates.
package ruby

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Segment is a piece of text: plain text when Readings is nil, otherwise a
// ruby over Base.
type Segment struct {
	Base     string   // the text shown (kanji for a ruby)
	Readings []string // nil for plain text; one reading, or one per rune of Base
	Aid      bool     // the ruby is a reading aid ({~…}), hidden by the reader switch
}

// IsRuby reports whether the segment carries readings.
func (s Segment) IsRuby() bool { return s.Readings != nil }

// PerChar reports whether the segment has one reading per character of Base
// (rather than one reading over the whole base).
func (s Segment) PerChar() bool { return len(s.Readings) > 1 }

// SyntaxError is malformed ruby syntax.
type SyntaxError struct {
	Offset int    // byte offset in the input where the problem is
	Msg    string // what is wrong
	Hint   string // what to do; may be empty
}

// Error returns the message and the hint; the caller maps Offset to a
// position in its file.
func (e *SyntaxError) Error() string {
	if e.Hint == "" {
		return e.Msg
	}
	return e.Msg + " (" + e.Hint + ")"
}

// Reading returns the reading of seg: its readings joined, or "" for plain
// text.
func Reading(seg Segment) string { return strings.Join(seg.Readings, "") }

const literalHint = `write \{ for a literal brace`

// ParseAt parses one ruby starting at s[0], which must be '{'. It returns
// the segment and the number of bytes consumed. On error, n is the number
// of bytes (at least 1) that belong to the malformed ruby, so that a caller
// can skip them and continue, and err is a *SyntaxError whose Offset is
// relative to s.
func ParseAt(s string) (seg Segment, n int, err error) {
	if s == "" || s[0] != '{' {
		return Segment{}, min(1, len(s)), &SyntaxError{Offset: 0, Msg: "ruby must start with {"}
	}
	i := 1
	if i < len(s) && s[i] == '~' {
		seg.Aid = true
		i++
	}
	var parts []string
	start := i
	for i < len(s) {
		switch c := s[i]; {
		case c == '}':
			parts = append(parts, s[start:i])
			return finish(s, parts, seg, i+1)
		case c == '|':
			parts = append(parts, s[start:i])
			i++
			start = i
		case c == '\\' && i+1 < len(s) && s[i+1] == '|':
			parts = append(parts, s[start:i])
			i += 2
			start = i
		case c == '{':
			return Segment{}, i, &SyntaxError{Offset: i, Msg: "brace inside ruby", Hint: "ruby cannot be nested; " + literalHint}
		case c == '\n' || c == '\r':
			return Segment{}, i, unclosed()
		default:
			i++
		}
	}
	return Segment{}, len(s), unclosed()
}

func unclosed() *SyntaxError {
	return &SyntaxError{Offset: 0, Msg: "unclosed ruby: { without } on the same line", Hint: "write {漢字|かんじ}, or " + literalHint}
}

// finish validates the parts of a ruby ending just before s[n-1] == '}'.
func finish(s string, parts []string, seg Segment, n int) (Segment, int, error) {
	if len(parts) < 2 {
		return Segment{}, n, &SyntaxError{Offset: 0, Msg: "ruby without reading: missing | in " + s[:n], Hint: "write {漢字|かんじ}, or " + literalHint}
	}
	base, readings := parts[0], parts[1:]
	if strings.TrimSpace(base) == "" {
		return Segment{}, n, &SyntaxError{Offset: 0, Msg: "ruby with empty base: " + s[:n], Hint: "write the text before the |: {漢字|かんじ}"}
	}
	for _, r := range readings {
		if strings.TrimSpace(r) == "" {
			return Segment{}, n, &SyntaxError{Offset: 0, Msg: "ruby with empty reading: " + s[:n], Hint: "write the reading after the |: {漢字|かんじ}"}
		}
	}
	if runes := utf8.RuneCountInString(base); len(readings) > 1 && len(readings) != runes {
		return Segment{}, n, &SyntaxError{Offset: 0,
			Msg:  "ruby " + s[:n] + " has " + strconv.Itoa(len(readings)) + " readings for " + strconv.Itoa(runes) + " characters",
			Hint: "give one reading for the whole word, or one per character: {小平|こ|だいら}"}
	}
	seg.Base, seg.Readings = base, readings
	return seg, n, nil
}

// Parse splits a whole plain-text string into segments. Plain text between
// rubies becomes segments with nil Readings (adjacent plain text is merged,
// `\{` becomes `{`). The first malformed ruby stops parsing and is returned
// as a *SyntaxError with Offset relative to s.
func Parse(s string) ([]Segment, error) {
	var segs []Segment
	var plain strings.Builder
	flush := func() {
		if plain.Len() > 0 {
			segs = append(segs, Segment{Base: plain.String()})
			plain.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '{':
			plain.WriteByte('{')
			i += 2
		case s[i] == '{':
			seg, n, err := ParseAt(s[i:])
			if err != nil {
				se := err.(*SyntaxError)
				return nil, &SyntaxError{Offset: i + se.Offset, Msg: se.Msg, Hint: se.Hint}
			}
			flush()
			segs = append(segs, seg)
			i += n
		default:
			j := i + 1
			for j < len(s) && s[j] != '{' && s[j] != '\\' {
				j++
			}
			plain.WriteString(s[i:j])
			i = j
		}
	}
	flush()
	return segs, nil
}

// Plain strips the ruby syntax from s and returns the base text, for
// <title>, alt text and search. Malformed ruby is kept as written (best
// effort); Plain never fails. For a string Parse accepts, Plain returns the
// concatenated bases of its segments.
func Plain(s string) string {
	if !strings.ContainsAny(s, "{\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '{':
			b.WriteByte('{')
			i += 2
		case s[i] == '{':
			seg, n, err := ParseAt(s[i:])
			if err != nil {
				b.WriteString(s[i : i+n])
			} else {
				b.WriteString(seg.Base)
			}
			i += n
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}
