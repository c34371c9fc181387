package ruby

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want []Segment
	}{
		{"", nil},
		{"ただの文", []Segment{{Base: "ただの文"}}},
		{"{漢字|かんじ}", []Segment{{Base: "漢字", Readings: []string{"かんじ"}}}},
		{"{小平|こ|だいら}市", []Segment{{Base: "小平", Readings: []string{"こ", "だいら"}}, {Base: "市"}}},
		{"{~漢字|かんじ}", []Segment{{Base: "漢字", Readings: []string{"かんじ"}, Aid: true}}},
		{"前{漢字|かんじ}後", []Segment{{Base: "前"}, {Base: "漢字", Readings: []string{"かんじ"}}, {Base: "後"}}},
		{`\{literal} text`, []Segment{{Base: "{literal} text"}}},
		{`a\b\{c`, []Segment{{Base: `a\b{c`}}},
		{`{漢字\|かんじ}`, []Segment{{Base: "漢字", Readings: []string{"かんじ"}}}},
		{"{a|b}{c|d}", []Segment{{Base: "a", Readings: []string{"b"}}, {Base: "c", Readings: []string{"d"}}}},
		{"閉じ}だけ", []Segment{{Base: "閉じ}だけ"}}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{"abc{漢字", 3, "unclosed"},
		{"{漢字|かんじ\n}", 0, "unclosed"},
		{"{漢字}", 0, "missing |"},
		{"x{|かんじ}", 1, "empty base"},
		{"{漢字|}", 0, "empty reading"},
		{"{漢字|か||じ}", 0, "empty reading"},
		{"{小平|こ|だ|い}", 0, "3 readings for 2 characters"},
		{"{漢{字|じ}}", 4, "brace inside ruby"},
		{"{~|x}", 0, "empty base"},
		{"{", 0, "unclosed"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q): error %v, want *SyntaxError", tt.in, err)
			continue
		}
		if se.Offset != tt.offset || !strings.Contains(se.Msg, tt.msg) || se.Hint == "" {
			t.Errorf("Parse(%q) = offset %d %q (%q), want offset %d containing %q and a hint", tt.in, se.Offset, se.Msg, se.Hint, tt.offset, tt.msg)
		}
	}
}

func TestParseAt(t *testing.T) {
	tests := []struct {
		in      string
		base    string
		n       int
		wantErr bool
	}{
		{"{漢字|かんじ}の", "漢字", len("{漢字|かんじ}"), false},
		{"{~a|b} rest", "a", 6, false},
		{"{abc", "", 4, true},
		{"{ab\ncd|x}", "", 3, true},
		{"{a{b|c}", "", 2, true},
		{"{ab}", "", 4, true},
		{"x", "", 1, true},
		{"", "", 0, true},
	}
	for _, tt := range tests {
		seg, n, err := ParseAt(tt.in)
		if (err != nil) != tt.wantErr || n != tt.n || seg.Base != tt.base {
			t.Errorf("ParseAt(%q) = %q, %d, %v; want %q, %d, err=%v", tt.in, seg.Base, n, err, tt.base, tt.n, tt.wantErr)
		}
	}
}

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"第四次{小平|こだいら}市", "第四次小平市"},
		{"{~障|しょう}がい", "障がい"},
		{`\{not ruby}`, "{not ruby}"},
		{"壊れた{ruby", "壊れた{ruby"},
		{"{a{b|c}", "{ab"},
		{"{x}", "{x}"},
		{`back\slash`, `back\slash`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Plain(tt.in); got != tt.want {
			t.Errorf("Plain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReading(t *testing.T) {
	if got := Reading(Segment{Base: "小平", Readings: []string{"こ", "だいら"}}); got != "こだいら" {
		t.Errorf("Reading = %q", got)
	}
	if got := Reading(Segment{Base: "x"}); got != "" {
		t.Errorf("Reading(plain) = %q", got)
	}
	if s := (Segment{Base: "小平", Readings: []string{"こ", "だいら"}}); !s.IsRuby() || !s.PerChar() {
		t.Errorf("IsRuby/PerChar wrong for %v", s)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "{漢字|かんじ}", "{小平|こ|だいら}市", "{~a|b}", `\{x}`, "{a{b|c}", "{ab", "{|}", "{a||b}", "\\", "{\xff|x}", "{a\\|b}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain := Plain(s)
		segs, err := Parse(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("Parse(%q): bad error %v", s, err)
			}
			return
		}
		var b strings.Builder
		for _, seg := range segs {
			b.WriteString(seg.Base)
			if seg.Readings != nil {
				if seg.Base == "" || len(seg.Readings) == 0 {
					t.Fatalf("Parse(%q): empty ruby %#v", s, seg)
				}
				if len(seg.Readings) > 1 && len(seg.Readings) != utf8.RuneCountInString(seg.Base) {
					t.Fatalf("Parse(%q): reading count %#v", s, seg)
				}
			}
		}
		if b.String() != plain {
			t.Fatalf("Plain(%q) = %q, bases = %q", s, plain, b.String())
		}
		if i := strings.IndexByte(s, '{'); i >= 0 {
			if _, n, _ := ParseAt(s[i:]); n < 1 || n > len(s)-i {
				t.Fatalf("ParseAt(%q) consumed %d", s[i:], n)
			}
		}
	})
}
