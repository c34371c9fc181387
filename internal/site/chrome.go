package site

import (
	"html/template"
	"strings"

	"github.com/plansite/plansite/internal/ruby"
)

// cityBand is the city's name for the identity band at the top of every
// page, or nothing when the plan's title already names the city.
func (b *builder) cityBand(t *text) template.HTML {
	if strings.Contains(ruby.Plain(b.siteTitle(t.pg.variant)), b.site.City) {
		return ""
	}
	return t.inline(siteFile, 1, b.site.City)
}
