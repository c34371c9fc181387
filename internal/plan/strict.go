package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/plansite/plansite/internal/diag"
)

// decodeStrict parses src as YAML into v. Every key that v's type does not
// declare is reported with its line, so that a typo never drops data
// silently; syntax and type errors also carry lines. All problems are
// returned together as a diag.List.
func decodeStrict(file string, src []byte, v any) error {
	return decodeParsed(file, src, parseFor(file, src, reflect.TypeOf(v)), v)
}

// parsedYAML is a file parsed for decoding into values of one type: its
// tree or syntax error, and its keys that the type does not declare. It
// is only read, so it can be decoded again (see loader.decode).
type parsedYAML struct {
	root    *yaml.Node
	err     error
	unknown diag.List
}

// parseFor parses src for decoding into values of type t.
func parseFor(file string, src []byte, t reflect.Type) parsedYAML {
	root, err := parseYAML(file, src)
	p := parsedYAML{root: root, err: err}
	if err == nil {
		checkKnown(file, root.Content[0], t, &p.unknown)
	}
	return p
}

// decodeParsed is decodeStrict from src parsed for v's type.
func decodeParsed(file string, src []byte, p parsedYAML, v any) error {
	if p.err != nil {
		return p.err
	}
	errs := slices.Clone(p.unknown)
	// Decode even after unknown keys, so that validation can report the
	// file's other problems in the same run.
	if err := p.root.Content[0].Decode(v); err != nil {
		errs.Add(yamlError(file, src, err, false))
		return &partialError{errs.Err()}
	}
	return errs.Err()
}

// parseYAML parses src, one YAML document, into a node tree. A second
// document and aliases are syntax errors: plans need neither, and aliases
// of aliases would let a small file expand into gigabytes.
func parseYAML(file string, src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var root yaml.Node
	err := dec.Decode(&root)
	if errors.Is(err, io.EOF) || err == nil && (len(root.Content) == 0 || root.Content[0].ShortTag() == "!!null") {
		return nil, &SyntaxError{diag.New(file, 1, "file is empty", "see docs/architecture.md for the format")}
	}
	if err != nil {
		return nil, &SyntaxError{yamlError(file, src, err, true)}
	}
	if alias := findAlias(root.Content[0]); alias != nil {
		return nil, &SyntaxError{diag.New(file, alias.Line, "YAML alias *"+alias.Value+": aliases are not allowed in content files",
			"write the value out in full where *"+alias.Value+" stands")}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, &SyntaxError{diag.New(file, max(next.Line, 1), "a second YAML document (after ---): only one is read",
			"remove the --- line, or move the rest into its own file")}
	case !errors.Is(err, io.EOF):
		return nil, &SyntaxError{yamlError(file, src, err, true)}
	}
	return &root, nil
}

// findAlias returns the first alias node under n, in document order, or nil.
// yaml.v3 parses aliases into a tree without expanding them, so the walk
// is as long as the file.
func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// partialError is a file whose values did not all fit their fields: v was
// decoded only in part.
type partialError struct{ Err error }

// Error returns the underlying errors.
func (e *partialError) Error() string { return e.Err.Error() }

// Unwrap returns the diag.List of the file's errors.
func (e *partialError) Unwrap() error { return e.Err }

// isPartial reports whether err says that decoding stopped part way.
func isPartial(err error) bool {
	var p *partialError
	return errors.As(err, &p)
}

var lineRe = regexp.MustCompile(`(?s)^(?:yaml: )?line (\d+): (.*)$`)

// SyntaxError is a file that is not YAML at all; nothing was decoded from it.
type SyntaxError struct{ Err error }

// Error returns the underlying errors.
func (e *SyntaxError) Error() string { return e.Err.Error() }

// Unwrap returns the diag.List of the file's errors.
func (e *SyntaxError) Unwrap() error { return e.Err }

// parserMsgs are the yaml.v3 parser errors. yaml.v3 prints their line
// 0-based (the scanner's are 1-based), one less than the file line.
var parserMsgs = map[string]bool{
	"did not find expected node content":     true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
}

// yamlError turns a yaml.v3 error into diag errors with lines. syntax is
// set for errors of the YAML parser, as opposed to values that do not fit
// their fields.
func yamlError(file string, src []byte, err error, syntax bool) error {
	var msgs []string
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var errs diag.List
	for _, m := range msgs {
		line := 0
		if sm := lineRe.FindStringSubmatch(strings.TrimSpace(m)); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		m = typeMessage(strings.TrimPrefix(m, "yaml: "))
		var hint string
		if syntax {
			line, hint = syntaxLine(src, m, line)
		} else {
			hint = yamlHint(src, line)
		}
		errs.Add(diag.New(file, line, "YAML: "+m, hint))
	}
	return errs.Err()
}

// checkKnown walks a YAML node against the Go type it will be decoded into
// and reports keys that the type does not declare.
func checkKnown(file string, n *yaml.Node, t reflect.Type, errs *diag.List) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch {
	case isInt(t.Kind()) && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!float":
		errs.Add(diag.New(file, n.Line, fmt.Sprintf("expected a whole number here, found the number %q", n.Value), "write a whole number such as 3"))
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		checkStruct(file, n, t, errs)
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			checkItem(file, c, t.Elem(), errs)
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			checkKnown(file, n.Content[i], t.Elem(), errs)
		}
	}
}

func isInt(k reflect.Kind) bool { return k >= reflect.Int && k <= reflect.Uint64 }

// checkItem checks one list item; an empty item (a lone -) where an
// entry with keys belongs is reported at its own line.
func checkItem(file string, n *yaml.Node, t reflect.Type, errs *diag.List) {
	et := t
	for et.Kind() == reflect.Pointer {
		et = et.Elem()
	}
	if et.Kind() == reflect.Struct && n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		errs.Add(diag.New(file, n.Line, "empty entry in the list (a lone -)", "remove the - or fill in the entry"))
		return
	}
	checkKnown(file, n, t, errs)
}

func checkStruct(file string, n *yaml.Node, t reflect.Type, errs *diag.List) {
	fields := yamlFields(t)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		ft, ok := fields[key.Value]
		if !ok {
			errs.Add(diag.New(file, key.Line, fmt.Sprintf("unknown key %q", key.Value),
				"known keys here: "+strings.Join(sortedKeys(fields), ", ")))
			continue
		}
		checkKnown(file, n.Content[i+1], ft, errs)
	}
}

// yamlFields maps the YAML names of t's fields to their types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = f.Type
	}
	return m
}

func sortedKeys(m map[string]reflect.Type) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lastLine returns the number of the file's last line.
func lastLine(src []byte) int {
	n := bytes.Count(src, []byte("\n"))
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}

// syntaxLine corrects the line yaml.v3 gives for the syntax error msg and
// returns it with a hint. yaml.v3 reports where it noticed a problem, which
// can be after the line that caused it (a missing colon, an unclosed [):
// when the reported line is empty or starts a new key, the hint names the
// previous non-empty line too. For a problem on the first line, yaml.v3
// gives no line.
func syntaxLine(src []byte, msg string, line int) (int, string) {
	if parserMsgs[msg] && line > 0 {
		line++
	}
	// yaml.v3 leaves the line out of a problem on the first line; the end
	// of the file is its last line
	line = max(min(line, lastLine(src)), 1)
	hint := yamlHint(src, line)
	if prev := previousLine(strings.Split(string(src), "\n"), line); prev > 0 && hint == defaultHint {
		hint += fmt.Sprintf("; the problem may start on line %d", prev)
	}
	return line, hint
}

const defaultHint = "check indentation, colons and quoting on this line"

// yamlHint suggests a fix for a YAML error at line. Ruby syntax at the
// start of a value ({福祉|ふくし}…) reads as a YAML mapping, so it must be
// quoted; that mistake gets its own hint.
func yamlHint(src []byte, line int) string {
	lines := strings.Split(string(src), "\n")
	for i := max(line-2, 0); i <= line && i < len(lines); i++ {
		if strings.Contains(lines[i], ": {") && strings.Contains(lines[i], "|") {
			return `a value that starts with ruby must be quoted: title: "{福祉|ふくし}の計画"`
		}
	}
	return defaultHint
}

var newKeyRe = regexp.MustCompile(`^\s*(- )?[^\s#:]+:(\s|$)`)

// previousLine returns the 1-based line of the last line before line with
// more than a comment, when line is empty or plainly starts a new key;
// else 0.
func previousLine(lines []string, line int) int {
	if line < 2 || line > len(lines)+1 {
		return 0
	}
	text := ""
	if line <= len(lines) {
		text = lines[line-1]
	}
	suspect := strings.TrimSpace(text) == "" || newKeyRe.MatchString(text) && !strings.ContainsAny(text, "[{\"'")
	if !suspect {
		return 0
	}
	for i := line - 1; i >= 1; i-- {
		if t := strings.TrimSpace(lines[i-1]); t != "" && !strings.HasPrefix(t, "#") {
			return i
		}
	}
	return 0
}
