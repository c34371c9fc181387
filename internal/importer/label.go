package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// newMark is how tables write a new measure without a number yet.
const newMark = "新"

// label is a numbered cell: "1 地域福祉の担い手の育成", "(2) …", "③ …",
// "新 …".
type label struct {
	N     int  // 0 with New
	New   bool // 新
	Title string
}

var (
	// "1 …", "1. …", "1．…", "1、…", "1) …", "第1 …"; a separator is
	// required so that 3市連携 stays a title.
	numLabelRe = regexp.MustCompile(`^(?:第\s*)?([0-9０-９]{1,4})(?:\s*[.．、:：)）]\s*|\s+)(\S.*)$`)
	// "(1) …", "（1）…"
	parenLabelRe = regexp.MustCompile(`^[（(]\s*([0-9０-９]{1,4})\s*[)）]\s*(\S.*)$`)
	// "① …"
	circledLabelRe = regexp.MustCompile(`^([①-⑳])\s*(\S.*)$`)
	// "新 …", "新）…", "【新】…"
	newLabelRe = regexp.MustCompile(`^(?:新(?:\s*[.．、:：)）]\s*|\s+)|[【\[［(（]新[】\]］)）]\s*)(\S.*)$`)
)

// parseLabel reads a numbered cell; ok is false for a cell without a number.
func parseLabel(cell string) (label, bool) {
	s := strings.TrimSpace(cell)
	for _, re := range []*regexp.Regexp{numLabelRe, parenLabelRe} {
		if m := re.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(width.Fold.String(m[1]))
			return label{N: n, Title: m[2]}, n > 0
		}
	}
	if m := circledLabelRe.FindStringSubmatch(s); m != nil {
		r := []rune(m[1])[0]
		return label{N: int(r-'①') + 1, Title: m[2]}, true
	}
	if m := newLabelRe.FindStringSubmatch(s); m != nil {
		return label{New: true, Title: m[1]}, true
	}
	return label{}, false
}

// parseNumber reads a cell of a number column: 12, １２, 新.
func parseNumber(cell string) (label, bool) {
	s := width.Fold.String(strings.TrimSpace(cell))
	if s == newMark {
		return label{New: true}, true
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, "No."), "."))
	return label{N: n}, err == nil && n > 0
}

// oneLine joins the lines of a cell for a title: Japanese text joins
// without a space, other text with one.
func oneLine(cell string) string {
	lines := strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n")
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 && !isCJKJoin(b.String(), l) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// paragraphs turns a cell with line breaks into Markdown: a line that ends
// a sentence (。) ends a paragraph; other breaks are only where Excel
// wrapped the text, and are joined.
func paragraphs(cell string) string {
	lines := strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n")
	var b strings.Builder
	prev := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		switch {
		case prev == "":
		case strings.HasSuffix(prev, "。"):
			b.WriteString("\n\n")
		case !isCJKJoin(prev, l):
			b.WriteByte(' ')
		}
		b.WriteString(l)
		prev = l
	}
	return b.String()
}

// isCJKJoin reports whether a line break between a and b joins without a
// space: either side is Japanese.
func isCJKJoin(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	return isWide(ra[len(ra)-1]) || isWide(rb[0])
}

func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || (r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF00 && r <= 0xFFEF)
}

// splitDepartments splits a 担当課 cell on spaces, 、, commas and line
// breaks: "福祉保健部各課 生涯学習課".
func splitDepartments(cell string) []string {
	parts := strings.FieldsFunc(cell, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("、，,;；/／", r)
	})
	var out []string
	seen := map[string]bool{}
	for _, p := range parts {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// escapeMarkdown keeps a cell's braces literal: { starts author ruby.
func escapeMarkdown(s string) string {
	return strings.NewReplacer(`\`, `\\`, "{", `\{`, "[[", `\[[`).Replace(s)
}
