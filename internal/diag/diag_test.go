package diag

import (
	"errors"
	"testing"
)

func TestErrorFormat(t *testing.T) {
	e := New("content/site.yaml", 3, "unknown key \"x\"", "remove it")
	if got, want := e.Error(), `content/site.yaml:3: unknown key "x" (remove it)`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := New("a.md", 0, "empty", "").Error(); got != "a.md: empty" {
		t.Errorf("got %q", got)
	}
}

func TestListSortsAndFlattens(t *testing.T) {
	var l List
	l.Add(nil)
	l.Add(New("b.yaml", 2, "two", ""))
	var inner List
	inner.Add(New("a.yaml", 9, "nine", ""))
	inner.Add(New("b.yaml", 1, "one", ""))
	l.Add(inner)
	err := l.Err()
	want := "a.yaml:9: nine\nb.yaml:1: one\nb.yaml:2: two"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
	var d *Error
	if !errors.As(err.(List)[0], &d) || d.Line != 9 {
		t.Errorf("first error = %v", err.(List)[0])
	}
	if (List{}).Err() != nil {
		t.Error("empty list is not nil")
	}
}
