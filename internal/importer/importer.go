package importer

import (
	"io"
)

// Options control an import.
type Options struct {
	Root    string // the site folder (holds content/)
	Sheet   string // .xlsx sheet; "" = the first
	Force   bool   // replace existing files (measures) or years (progress)
	Columns string // explicit column mapping for measures; "" = from the header
}

// ImportMeasures reads a measures table and writes its pillar files,
// printing what it read, wrote and could not map to w.
func ImportMeasures(file string, opts Options, w io.Writer) error {
	var cols Columns
	if opts.Columns != "" {
		var err error
		if cols, err = ParseColumns(opts.Columns); err != nil {
			return err
		}
	}
	t, err := Read(file, opts.Sheet)
	if err != nil {
		return err
	}
	res, err := ReadMeasures(t, cols)
	if err != nil {
		return err
	}
	written, err := WriteMeasures(res, opts.Root, opts.Force)
	res.Report(w, t, written)
	return err
}
