package easyread

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plansite/plansite/internal/ruby"
)

// sentence is one sentence of the text as a reader sees it: ruby reduced to
// its base, Markdown removed, whitespace collapsed to single spaces.
type sentence struct {
	line int    // 1-based line in the file
	text []rune // the sentence; spaces are kept (they end character runs)
	flat []rune // the sentence without whitespace; see newSentence
}

// newSentence returns the sentence text found at line.
func newSentence(line int, text []rune) sentence {
	flat := make([]rune, 0, len(text))
	for _, r := range text {
		if !unicode.IsSpace(r) {
			flat = append(flat, r)
		}
	}
	return sentence{line: line, text: text, flat: flat}
}

// length returns the number of characters of s, not counting whitespace.
func (s sentence) length() int {
	n := 0
	for _, r := range s.text {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// compact returns the sentence without whitespace, for matching words that
// 分かち書き may have spaced apart.
func (s sentence) compact() string { return string(s.flat) }

// brk marks a sentence boundary inside a line (a table cell border).
const brk = '\n'

// sentences returns the sentences of a Markdown text whose first line is
// line startLine of its file. The lines of one paragraph are joined first
// (with a space, which no rule counts), so a sentence soft-wrapped over
// several source lines is one sentence, as the reader sees it; it is
// reported at the line where it starts.
func sentences(text string, startLine int) []sentence {
	lines, cont := visible(text)
	var out []sentence
	var para []rune
	var at []int // the line of each rune of para
	flush := func() {
		out = append(out, splitSentences(para, at)...)
		para, at = para[:0], at[:0]
	}
	for i, l := range lines {
		if !cont[i] {
			flush()
		}
		if l == "" {
			continue
		}
		if len(para) > 0 {
			para, at = append(para, ' '), append(at, startLine+i)
		}
		for _, r := range l {
			para, at = append(para, r), append(at, startLine+i)
		}
	}
	flush()
	return out
}

// visibleLines returns, for each line of text, the text a reader sees on it:
// Markdown block syntax, code blocks, front matter and HTML comments are
// removed and inline syntax is reduced to its text (see inline). The result
// has one entry per input line, so indexes are line offsets.
func visibleLines(text string) []string {
	lines, _ := visible(text)
	return lines
}

// visible returns visibleLines and, for each line, whether it continues
// the paragraph of the line before it (a soft-wrapped line): it has text,
// the line before is paragraph text, and it starts no block of its own
// (heading, list item, table row, block quote).
func visible(text string) (out []string, cont []bool) {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	lines := strings.Split(text, "\n")
	out = make([]string, len(lines))
	cont = make([]bool, len(lines))
	para := false   // the line before is paragraph text
	quoted := false // the line before is in a block quote
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}

	start := frontMatterEnd(lines)
	var fence string   // the opening fence while inside a fenced code block
	inComment := false // inside a multi-line <!-- comment -->
	for i := start; i < len(lines); i++ {
		l := lines[i]
		if inComment {
			end := strings.Index(l, "-->")
			if end < 0 {
				continue
			}
			inComment = false
			l = l[end+3:]
		}
		trimmed := strings.TrimSpace(l)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if f := fenceOpen(trimmed); f != "" {
			fence = f
			para = false
			continue
		}
		cont[i] = para && trimmed != "" && !opensBlock(trimmed, quoted)
		para = trimmed != "" && !endsParagraph(trimmed)
		quoted = strings.HasPrefix(trimmed, ">")
		l = blockText(l)
		// A comment that opens on this line and does not close on it hides
		// the following lines up to -->.
		if open := strings.LastIndex(l, "<!--"); open >= 0 && !strings.Contains(l[open:], "-->") {
			inComment = true
			l = l[:open]
		}
		out[i] = collapse(inline([]rune(l)))
		para = para && out[i] != ""
	}
	return out, cont
}

// opensBlock reports whether the trimmed source line starts a new block
// instead of continuing the paragraph before it: a heading, a list item, a
// table row, a thematic break, HTML, or a block quote after a line that was
// not quoted (a quoted line continues a quoted paragraph).
func opensBlock(trimmed string, quoted bool) bool {
	t := trimmed
	if strings.HasPrefix(t, ">") {
		if !quoted {
			return true
		}
		t = strings.TrimSpace(strings.TrimLeft(t, "> "))
	}
	_, item := cutListMarker(t)
	return item || endsParagraph(t)
}

// endsParagraph reports whether the trimmed source line is a block that
// the next line cannot continue: a heading, a table row, a thematic break,
// a setext underline or HTML. List items and quotes can go on (lazy
// continuation lines).
func endsParagraph(trimmed string) bool {
	t := strings.TrimSpace(strings.TrimLeft(trimmed, "> "))
	if rest, ok := cutListMarker(t); ok {
		t = rest
	}
	return headingLevel(t) > 0 || strings.Contains(t, "|") || isThematicBreak(t) ||
		isSetextUnderline(t) || strings.HasPrefix(t, "<")
}

// frontMatterEnd returns the index of the first line after YAML front matter
// (--- … --- or ---…...) at the top of the text, or 0 when there is none.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return 0
	}
	for i := 1; i < len(lines); i++ {
		t := strings.TrimRight(lines[i], " \t")
		if t == "---" || t == "..." {
			return i + 1
		}
	}
	return 0
}

// fenceOpen returns the fence (``` or ~~~, at least three) that trimmed
// opens, or "".
func fenceOpen(trimmed string) string {
	for _, c := range []string{"`", "~"} {
		n := 0
		for n < len(trimmed) && trimmed[n] == c[0] {
			n++
		}
		if n >= 3 {
			if c == "`" && strings.Contains(trimmed[n:], "`") {
				return "" // an inline code span, not a fence
			}
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// blockText removes the block syntax of one line: indentation, block quote
// and list markers, task boxes, heading marks, thematic breaks, setext
// underlines, table delimiter rows and link reference definitions.
func blockText(l string) string {
	t := strings.TrimSpace(l)
	for {
		switch {
		case strings.HasPrefix(t, ">"):
			t = strings.TrimSpace(t[1:])
			continue
		case isThematicBreak(t) || isSetextUnderline(t) || isTableDelimiter(t) || isLinkDefinition(t):
			return ""
		}
		if rest, ok := cutListMarker(t); ok {
			t = rest
			continue
		}
		break
	}
	if n := headingLevel(t); n > 0 {
		t = strings.TrimSpace(t[n:])
		// closing sequence: "# title ##"
		if s := strings.TrimRight(t, "#"); s != t && (s == "" || strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\t")) {
			t = strings.TrimSpace(s)
		}
	}
	return t
}

// cutListMarker removes a bullet (- * +) or ordered (1. 1)) list marker and
// a task box ([ ] [x]) from the start of t.
func cutListMarker(t string) (string, bool) {
	i := 0
	switch {
	case t != "" && strings.ContainsRune("-*+", rune(t[0])):
		i = 1
	default:
		for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(t) || (t[i] != '.' && t[i] != ')') {
			return t, false
		}
		i++
	}
	if i < len(t) && t[i] != ' ' && t[i] != '\t' {
		return t, false
	}
	rest := strings.TrimSpace(t[i:])
	for _, box := range []string{"[ ]", "[x]", "[X]"} {
		if strings.HasPrefix(rest, box) {
			rest = strings.TrimSpace(rest[len(box):])
		}
	}
	return rest, true
}

// headingLevel returns the number of # of an ATX heading, or 0.
func headingLevel(t string) int {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0
	}
	return n
}

func isThematicBreak(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

func isSetextUnderline(t string) bool {
	return t != "" && strings.Trim(t, "=") == ""
}

// isTableDelimiter reports whether t is a table delimiter row like |---|:-:|.
func isTableDelimiter(t string) bool {
	if !strings.Contains(t, "-") || !strings.ContainsAny(t, "|") {
		return false
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// isLinkDefinition reports whether t is a link reference definition
// "[label]: destination".
func isLinkDefinition(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.Index(t, "]:")
	return end > 1 && !strings.ContainsAny(t[1:end], "[]")
}

// asciiPunct reports whether r may be backslash-escaped in Markdown.
func asciiPunct(r rune) bool {
	return r < utf8.RuneSelf && unicode.IsPunct(r) || strings.ContainsRune("$+<=>^`|~", r)
}

// scanLimit bounds how far inline syntax (ruby, links, tags, code spans) is
// looked for, so that a line of unmatched brackets costs linear time. Longer
// constructs are not recognized and count as text.
const scanLimit = 2000

// inline reduces the inline syntax of one line to its visible text: author
// ruby to its base, links to their text, images and HTML tags and bare URLs
// to nothing, emphasis marks to nothing, code spans to their content and
// backslash escapes to the escaped character. A table cell border | becomes
// a sentence boundary (brk).
func inline(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\\':
			if i+1 < len(rs) && asciiPunct(rs[i+1]) {
				out = append(out, rs[i+1])
				i += 2
			} else if i+1 == len(rs) {
				i++ // hard line break
			} else {
				out = append(out, r)
				i++
			}
			continue
		case r == '{':
			if base, n := rubyBase(rs[i:]); n > 0 {
				out = append(out, base...)
				i += n
				continue
			}
		case r == '!' && i+1 < len(rs) && rs[i+1] == '[':
			if _, n := link(rs[i+1:]); n > 0 {
				i += 1 + n // images are not text
				continue
			}
		case r == '[':
			if n := footnoteRef(rs[i:]); n > 0 {
				i += n
				continue
			}
			if text, n := link(rs[i:]); n > 0 {
				if len(text) == 0 || text[0] != '^' { // [^1] is a footnote reference
					out = append(out, inline(text)...)
				}
				i += n
				continue
			}
		case r == '<':
			if n := tag(rs[i:]); n > 0 {
				i += n
				continue
			}
		case r == '`':
			if code, n := codeSpan(rs[i:]); n > 0 {
				out = append(out, code...)
				i += n
				continue
			}
		case r == '*' || r == '_':
			i++
			continue
		case r == '~' && i+1 < len(rs) && rs[i+1] == '~':
			i += 2
			continue
		case r == '|':
			out = append(out, brk)
			i++
			continue
		case r == 'h':
			if n := bareURL(rs[i:]); n > 0 {
				i += n
				continue
			}
		}
		out = append(out, r)
		i++
	}
	return out
}

// rubyBase parses author ruby at the start of rs with the project's ruby
// parser (internal/ruby) and returns its base text and its length in runes,
// or n == 0 when rs does not start with valid ruby. Malformed ruby is a build
// error elsewhere; here it is simply text.
func rubyBase(rs []rune) (base []rune, n int) {
	s := string(rs[:min(len(rs), scanLimit)])
	seg, size, err := ruby.ParseAt(s)
	if err != nil || size <= 0 || size > len(s) {
		return nil, 0
	}
	return []rune(seg.Base), utf8.RuneCountInString(s[:size])
}

// link parses [text](destination), [text][label] or [text][] at the start of
// rs and returns the text and the length, or n == 0 when there is no link.
// A plain [text] is not taken as a link.
func link(rs []rune) (text []rune, n int) {
	rs = rs[:min(len(rs), scanLimit)]
	depth := 0
	end := -1
	for i := 0; i < len(rs) && end < 0; i++ {
		switch rs[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				end = i
			}
		}
	}
	if end < 0 || end+1 >= len(rs) {
		return nil, 0
	}
	var closer rune
	switch rs[end+1] {
	case '(':
		closer = ')'
	case '[':
		closer = ']'
	default:
		return nil, 0
	}
	depth = 0
	for j := end + 1; j < len(rs); j++ {
		switch rs[j] {
		case '\\':
			j++
		case rs[end+1]:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return rs[1:end], j + 1
			}
		}
	}
	return nil, 0
}

// footnoteRef returns the length of a footnote reference [^label] at the
// start of rs, or 0.
func footnoteRef(rs []rune) int {
	rs = rs[:min(len(rs), scanLimit)]
	if len(rs) < 4 || rs[1] != '^' {
		return 0
	}
	for i := 2; i < len(rs); i++ {
		switch {
		case rs[i] == ']':
			if i == 2 {
				return 0
			}
			return i + 1
		case rs[i] == '[' || unicode.IsSpace(rs[i]):
			return 0
		}
	}
	return 0
}

// tag returns the length of an HTML tag, comment or autolink at the start of
// rs, or 0.
func tag(rs []rune) int {
	rs = rs[:min(len(rs), scanLimit)]
	if len(rs) >= 4 && string(rs[:4]) == "<!--" {
		for i := 4; i+2 < len(rs); i++ {
			if rs[i] == '-' && rs[i+1] == '-' && rs[i+2] == '>' {
				return i + 3
			}
		}
		return 0
	}
	if len(rs) < 3 {
		return 0
	}
	c := rs[1]
	if !(c == '/' || c == '!' || c == '?' || c < utf8.RuneSelf && unicode.IsLetter(c)) {
		return 0
	}
	for i := 2; i < len(rs); i++ {
		switch rs[i] {
		case '>':
			return i + 1
		case '<':
			return 0
		}
	}
	return 0
}

// codeSpan parses a code span `code` at the start of rs and returns its
// content and length, or n == 0.
func codeSpan(rs []rune) (code []rune, n int) {
	rs = rs[:min(len(rs), scanLimit)]
	open := 0
	for open < len(rs) && rs[open] == '`' {
		open++
	}
	for i := open; i < len(rs); i++ {
		if rs[i] != '`' {
			continue
		}
		j := i
		for j < len(rs) && rs[j] == '`' {
			j++
		}
		if j-i == open {
			return rs[open:i], j
		}
		i = j - 1
	}
	return nil, 0
}

// bareURL returns the length of an http:// or https:// URL at the start of
// rs, or 0. A URL ends at whitespace or at the first non-ASCII character.
func bareURL(rs []rune) int {
	s := string(rs[:min(len(rs), 8)])
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return 0
	}
	i := 0
	for i < len(rs) && rs[i] > ' ' && rs[i] < utf8.RuneSelf && rs[i] != '<' && rs[i] != '|' {
		i++
	}
	return i
}

// collapse turns every run of whitespace into one space and trims the ends
// of the line and of the pieces between brk marks.
func collapse(rs []rune) string {
	var b strings.Builder
	space := false
	atStart := true // at the start of the line or right after brk
	for _, r := range rs {
		switch {
		case r == brk:
			b.WriteRune(brk)
			space, atStart = false, true
		case unicode.IsSpace(r):
			space = true
		default:
			if space && !atStart {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space, atStart = false, false
		}
	}
	return b.String()
}

// isTerminator reports whether r ends a sentence.
func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '｡':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket; closers right
// after a terminator belong to the sentence it ends: 「はい。」
func isCloser(r rune) bool {
	return strings.ContainsRune("」』）)】〉》］]”’\"'〕｝}", r)
}

// splitSentences splits a paragraph's visible text into sentences at
// terminators and at brk; at holds the line of each rune, and a sentence
// takes the line of its first character. Pieces without any letter, digit
// or kana are dropped.
func splitSentences(rs []rune, at []int) []sentence {
	var out []sentence
	emit := func(from, to int) {
		for from < to && unicode.IsSpace(rs[from]) {
			from++
		}
		t := []rune(strings.TrimSpace(string(rs[from:to])))
		for _, r := range t {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				out = append(out, newSentence(at[from], t))
				return
			}
		}
	}
	start := 0
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == brk:
			emit(start, i)
			start = i + 1
		case isTerminator(rs[i]):
			j := i + 1
			for j < len(rs) && (isTerminator(rs[j]) || isCloser(rs[j])) {
				j++
			}
			emit(start, j)
			start = j
			i = j - 1
		}
	}
	if start < len(rs) {
		emit(start, len(rs))
	}
	return out
}
