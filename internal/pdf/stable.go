package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"time"
)

// stable makes what Chromium varies from run to run the same: the dates
// (set to date) and the ids of the structure elements (renumbered). Every
// replacement has the length of what it replaces, so the cross-reference
// offsets stay right.
func stable(pdf []byte, date time.Time) []byte {
	return renumberNodeIDs(fixDates(pdf, date))
}

// pdfDate matches the dates Chromium writes: /CreationDate (D:20261201045139+00'00')
// in the document information dictionary.
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)`)

// fixDates replaces the printing time in the PDF by date. A value of
// another shape is left alone.
func fixDates(pdf []byte, date time.Time) []byte {
	stamp := date.UTC().Format("20060102150405")
	return pdfDate.ReplaceAllFunc(pdf, func(m []byte) []byte {
		i := bytes.Index(m, []byte("(D:")) + 3
		out := append([]byte{}, m...)
		copy(out[i:], stamp)
		rest := out[i+len(stamp) : len(out)-1]
		if bytes.HasPrefix(rest, []byte("+00'00'")) || bytes.HasPrefix(rest, []byte("Z")) || len(rest) == 0 {
			return out
		}
		// a local offset: write UTC with the same width, +00'00' padded
		z := []byte("+00'00'")
		if len(rest) == len(z) {
			copy(rest, z)
			return out
		}
		return m
	})
}

// nodeID matches the ids Chromium gives structure elements, (node00001118):
// counters of its DOM nodes, which shift when an earlier node comes or goes.
var nodeID = regexp.MustCompile(`\(node([0-9]{8})\)`)

// renumberNodeIDs replaces each node id by its rank among all of them.
// The order is kept, so the sorted ID tree stays sorted.
func renumberNodeIDs(pdf []byte) []byte {
	seen := map[string]bool{}
	var ids []string
	for _, m := range nodeID.FindAllSubmatch(pdf, -1) {
		if id := string(m[1]); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	sort.Strings(ids) // same width: text order is number order
	rank := make(map[string][]byte, len(ids))
	for i, id := range ids {
		rank[id] = fmt.Appendf(nil, "(node%08d)", i+1)
	}
	return nodeID.ReplaceAllFunc(pdf, func(m []byte) []byte {
		return rank[string(m[5:13])]
	})
}
