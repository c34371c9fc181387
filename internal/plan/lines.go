package plan

import "gopkg.in/yaml.v3"

// The UnmarshalYAML methods below record where each entry starts so that
// validation errors can name the line.

// UnmarshalYAML decodes a pillar and records its line.
func (p *Pillar) UnmarshalYAML(n *yaml.Node) error {
	type raw Pillar
	p.Line = n.Line
	return n.Decode((*raw)(p))
}

// UnmarshalYAML decodes a direction and records its line.
func (d *Direction) UnmarshalYAML(n *yaml.Node) error {
	type raw Direction
	d.Line = n.Line
	return n.Decode((*raw)(d))
}

// UnmarshalYAML decodes a measure and records its line.
func (m *Measure) UnmarshalYAML(n *yaml.Node) error {
	type raw Measure
	m.Line = n.Line
	return n.Decode((*raw)(m))
}

// UnmarshalYAML decodes a glossary term and records its line.
func (t *Term) UnmarshalYAML(n *yaml.Node) error {
	type raw Term
	t.Line = n.Line
	return n.Decode((*raw)(t))
}
