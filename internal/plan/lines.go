package plan

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// The UnmarshalYAML methods below record where each mapping and each of its
// keys are, so that validation errors and the easy-read checker can name
// the line.

// KeyLines maps each key of a YAML mapping to the 1-based file line of its
// value: for a text, the line where the text starts (for a block scalar,
// `|` or `>`, the line after the indicator); for a list or mapping, the
// line of the key.
type KeyLines map[string]int

// At returns the line of key, or def when the mapping has no such key.
func (k KeyLines) At(key string, def int) int {
	if line, ok := k[key]; ok {
		return line
	}
	return def
}

// Has reports whether the mapping has the key.
func (k KeyLines) Has(key string) bool {
	_, ok := k[key]
	return ok
}

// decodeKeyed decodes n into v, which must point to a type without an
// UnmarshalYAML method (a local copy of the caller's type), and returns the
// line of the mapping and of each of its keys. The lines are returned even
// when decoding fails.
func decodeKeyed(n *yaml.Node, v any) (int, KeyLines, error) {
	err := n.Decode(v)
	return n.Line, keyLines(n), err
}

func keyLines(n *yaml.Node) KeyLines {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	m := make(KeyLines, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		m[n.Content[i].Value] = textLine(n.Content[i], resolve(n.Content[i+1]))
	}
	return m
}

// itemLines returns the text line of each item of the list under key in
// the mapping n, or nil when there is no such list.
func itemLines(n *yaml.Node, key string) []int {
	n = resolve(n)
	for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		v := resolve(n.Content[i+1])
		if n.Content[i].Value != key || v.Kind != yaml.SequenceNode {
			continue
		}
		out := make([]int, len(v.Content))
		for j, item := range v.Content {
			out[j] = textLine(item, resolve(item))
		}
		return out
	}
	return nil
}

// textLine returns the line where the text of value v (written at node at)
// starts. A block scalar's text starts after its indicator line, and after
// any blank lines it keeps at its start.
func textLine(at, v *yaml.Node) int {
	switch {
	case v.Kind != yaml.ScalarNode:
		return at.Line
	case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return v.Line + 1 + len(v.Value) - len(strings.TrimLeft(v.Value, "\n"))
	}
	return v.Line
}

func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// UnmarshalYAML decodes site.yaml and records its key and list item lines.
func (s *Site) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Site
	_, s.Lines, err = decodeKeyed(n, (*raw)(s))
	s.PhilosophyLines, s.PoliciesLines = itemLines(n, "philosophy"), itemLines(n, "policies")
	return err
}

// UnmarshalYAML decodes the site's easy texts and records their item lines.
func (e *EasySite) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw EasySite
	_, e.Lines, err = decodeKeyed(n, (*raw)(e))
	e.PhilosophyLines, e.PoliciesLines = itemLines(n, "philosophy"), itemLines(n, "policies")
	return err
}

// UnmarshalYAML decodes front matter and records its lines.
func (f *Front) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Front
	f.Line, f.Lines, err = decodeKeyed(n, (*raw)(f))
	return err
}

// UnmarshalYAML decodes a pillar and records its lines.
func (p *Pillar) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Pillar
	p.Line, p.Lines, err = decodeKeyed(n, (*raw)(p))
	return err
}

// UnmarshalYAML decodes a direction and records its lines.
func (d *Direction) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Direction
	d.Line, d.Lines, err = decodeKeyed(n, (*raw)(d))
	return err
}

// UnmarshalYAML decodes a measure and records its lines.
func (m *Measure) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Measure
	m.Line, m.Lines, err = decodeKeyed(n, (*raw)(m))
	return err
}

// UnmarshalYAML decodes a target and records its lines.
func (t *Target) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Target
	t.Line, t.Lines, err = decodeKeyed(n, (*raw)(t))
	return err
}

// UnmarshalYAML decodes an easy-read text and records its lines.
func (e *EasyText) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw EasyText
	e.Line, e.Lines, err = decodeKeyed(n, (*raw)(e))
	return err
}

// UnmarshalYAML decodes a glossary term and records its lines.
func (t *Term) UnmarshalYAML(n *yaml.Node) (err error) {
	type raw Term
	t.Line, t.Lines, err = decodeKeyed(n, (*raw)(t))
	return err
}

// entryTextLine returns the line of the text under key ("title", "summary" or
// "description") of an entry with key lines lines, first line def and easy
// block e: in the easy block when easy is set and the block has that text
// (the text the わかりやすい版 shows), else in the entry itself.
func entryTextLine(lines KeyLines, def int, e *EasyText, key string, easy bool) int {
	if easy && e != nil {
		switch {
		case key == "title" && e.Title != "":
			return e.Lines.At("title", e.Line)
		case key != "title" && e.Body() != "":
			return e.BodyLine(e.Line)
		}
	}
	return lines.At(key, def)
}

// TextLine returns the file line of the pillar's text under key ("title"
// or "summary") as the standard (easy false) or easy variant shows it, so
// that errors in the text (a broken ruby) name its line.
func (p *Pillar) TextLine(key string, easy bool) int {
	return entryTextLine(p.Lines, p.Line, p.Easy, key, easy)
}

// TextLine is Pillar.TextLine for a direction.
func (d *Direction) TextLine(key string, easy bool) int {
	return entryTextLine(d.Lines, d.Line, d.Easy, key, easy)
}

// TextLine is Pillar.TextLine for a measure ("title" or "description").
func (m *Measure) TextLine(key string, easy bool) int {
	return entryTextLine(m.Lines, m.Line, m.Easy, key, easy)
}
