// Package diag defines the error values every build stage returns: a
// position in a source file, what is wrong and what to do about it.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is one problem in the author's content. It prints as
// "file:line: message (hint)".
type Error struct {
	File string // path of the source file, relative to the site folder
	Line int    // 1-based line; 0 when the whole file is meant
	Msg  string // what is wrong
	Hint string // what to do; may be empty
	Err  error  // underlying error, if any
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// New returns an *Error for file:line.
func New(file string, line int, msg, hint string) *Error {
	return &Error{File: file, Line: line, Msg: msg, Hint: hint}
}

// List collects errors from a stage so that all of them can be reported at
// once. The zero value is ready to use; it is not safe for concurrent use.
type List []error

// Add appends err unless it is nil. Errors that are themselves a List are flattened.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var sub List
	if errors.As(err, &sub) {
		*l = append(*l, sub...)
		return
	}
	*l = append(*l, err)
}

// Err returns nil when the list is empty and the list, sorted by file and
// line, otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	sorted := append(List(nil), l...)
	sort.SliceStable(sorted, func(i, j int) bool { return less(sorted[i], sorted[j]) })
	return sorted
}

// Error prints one error per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func less(a, b error) bool {
	var da, db *Error
	if errors.As(a, &da) && errors.As(b, &db) {
		if da.File != db.File {
			return da.File < db.File
		}
		return da.Line < db.Line
	}
	return a.Error() < b.Error()
}
