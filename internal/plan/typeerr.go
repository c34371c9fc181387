package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// yaml.v3 words a value that does not fit its field as
// "cannot unmarshal !!str `相談...` into int": Go type names, and a value
// cut after 7 bytes, which can split a character. typeMessage rewords it.
// A tag may hold any character, a space or a tab too (!%09 is "!\t").
var typeErrRe = regexp.MustCompile("(?s)^cannot unmarshal (!.*?)(?: `(.*)`)? into (.+)$")

var tagWords = map[string]string{
	"!!str":       "the text",
	"!!int":       "the whole number",
	"!!float":     "the number",
	"!!bool":      "the value",
	"!!null":      "nothing",
	"!!seq":       "a list",
	"!!map":       "a block of keys",
	"!!timestamp": "the date",
	"!!binary":    "binary data",
}

// typeMessage returns msg, a yaml.v3 error, in the author's words:
// `expected a whole number here, found the text "相談…"`. Other
// messages come back unchanged.
func typeMessage(msg string) string {
	m := typeErrRe.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	found, ok := tagWords[m[1]]
	if !ok {
		found = "a value tagged " + m[1]
	}
	if m[2] != "" {
		found += " " + quoteValue(m[2])
	}
	return "expected " + goTypeWords(m[3]) + " here, found " + found
}

// quoteValue quotes a value as yaml.v3 shortened it ("abcdefg..."),
// without a broken character at the cut.
func quoteValue(v string) string {
	v = strings.Join(strings.Fields(v), " ") // one line, as printed
	cut, ok := strings.CutSuffix(v, "...")
	if !ok {
		return `"` + v + `"`
	}
	for len(cut) > 0 && !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	return `"` + cut + `…"`
}

// goTypeWords describes a Go type, as yaml.v3 prints it, for authors.
func goTypeWords(t string) string {
	t = strings.TrimPrefix(t, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["), strings.Contains(t, "."):
		return "a block of keys (key: value)"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "bool":
		return "true or false"
	case t == "string":
		return "a text"
	}
	return "another kind of value"
}
