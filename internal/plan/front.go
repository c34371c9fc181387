package plan

import (
	"bytes"

	"github.com/plansite/plansite/internal/diag"
)

// parseFront decodes the YAML front matter between the leading `---`
// fences of a Markdown file into v and returns the 1-based line where the
// Markdown body starts. Line numbers in YAML errors are lines of the file.
func parseFront(file string, src []byte, v any) (int, error) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	if len(lines) == 0 || string(bytes.TrimRight(lines[0], "\r\n")) != "---" {
		return 1, diag.New(file, 1, "missing front matter", "start the file with ---, then title: (and weight: for the order), then ---")
	}
	for i := 1; i < len(lines); i++ {
		if string(bytes.TrimRight(lines[i], "\r\n")) != "---" {
			continue
		}
		// Pad with empty lines so YAML line numbers are file line numbers.
		yml := append(bytes.Repeat([]byte("\n"), 1), bytes.Join(lines[1:i], nil)...)
		if len(bytes.TrimSpace(yml)) == 0 {
			return i + 2, diag.New(file, 1, "empty front matter", "add title: (and weight: for the order)")
		}
		return i + 2, decodeStrict(file, yml, v)
	}
	return 1, diag.New(file, 1, "front matter is not closed", "add a line with --- after the front matter")
}
