package render

import "strconv"

// Variant is one of the two parallel versions of every page.
type Variant int

const (
	// Standard is the full plan (くわしい版).
	Standard Variant = iota
	// Easy is the easy-read version (わかりやすい版).
	Easy
)

// String returns the name used in data-variant attributes.
func (v Variant) String() string {
	if v == Easy {
		return "easy"
	}
	return "standard"
}

// Label is the Japanese name of the variant, as the header link shows it.
func (v Variant) Label() string {
	if v == Easy {
		return "わかりやすい版"
	}
	return "くわしい版"
}

// other returns the counterpart variant.
func (v Variant) other() Variant { return 1 - v }

func itoa(n int) string { return strconv.Itoa(n) }
