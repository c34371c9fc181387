package plan

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

// NewMark is how plans print a newly added measure that has no number yet.
const NewMark = "新"

// Number is a measure number: a positive integer, or New for a measure
// written as `number: 新`.
type Number struct {
	N   int
	New bool
}

// String prints the number as the plan prints it.
func (n Number) String() string {
	if n.New {
		return NewMark
	}
	return strconv.Itoa(n.N)
}

// UnmarshalYAML accepts a positive integer or the string 新.
func (n *Number) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind != yaml.ScalarNode {
		return typeError("line %d: number must be an integer or %s", node.Line, NewMark)
	}
	if node.Value == NewMark {
		*n = Number{New: true}
		return nil
	}
	v, err := strconv.Atoi(node.Value)
	if err != nil || v <= 0 {
		return typeError("line %d: number %q must be a positive integer or %s", node.Line, node.Value, NewMark)
	}
	*n = Number{N: v}
	return nil
}

// IsZero reports whether the number was not given.
func (n Number) IsZero() bool { return n.N == 0 && !n.New }

// typeError is a value that does not fit its field. As a *yaml.TypeError,
// decoding goes on, so that the file's other problems are reported too.
func typeError(format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf(format, args...)}}
}
