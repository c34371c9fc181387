package plan

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/plansite/plansite/internal/chars"
	"github.com/plansite/plansite/internal/diag"
)

var (
	modeRe   = regexp.MustCompile(`^(none|all|grade:[1-6])$`)
	statuses = map[string]bool{"": true, "新規": true, "拡充": true, "継続": true}
)

const siteFile = ContentDir + "/site.yaml"

// Validate checks what strict decoding cannot: required fields, allowed
// values, duplicates. It also assigns measure and term IDs. Every problem
// is returned, as a diag.List.
func Validate(s *Site) error {
	var errs diag.List
	validateSite(s, &errs)
	validateAuthoring(s, &errs)
	for _, c := range s.Chapters {
		validateFront(c.File, c.Front, &errs)
		if c.Easy != nil {
			validateFront(c.Easy.File, c.Easy.Front, &errs)
		}
	}
	for _, p := range s.Pillars {
		validatePillar(p, &errs)
		for _, m := range p.AllMeasures() {
			validateProgress(s, m, &errs)
		}
	}
	validateUnique(s.Pillars, &errs)
	validateNumbers(s, &errs)
	s.Glossary = compact(s.Glossary)
	validateTerms(s.Glossary, &errs)
	return errs.Err()
}

func required(errs *diag.List, file string, line int, what, value string) {
	if chars.IsBlank(value) {
		errs.Add(diag.New(file, line, "missing required field "+what, "add `"+what+": ...` with visible text"))
	}
}

func validateSite(s *Site, errs *diag.List) {
	at := func(key string) int { return s.Lines.At(key, 1) }
	required(errs, siteFile, at("city"), "city", s.City)
	required(errs, siteFile, at("title"), "title", s.Title)
	required(errs, siteFile, at("short_title"), "short_title", s.ShortTitle)
	validatePeriod(s, errs)
	validateBaseURL(s, errs)
	validateTheme(s, errs)
	if len(s.Philosophy) == 0 {
		errs.Add(diag.New(siteFile, at("philosophy"), "missing required field philosophy (基本理念)", "add philosophy: as a list of lines"))
	}
	checkDate(errs, siteFile, at("published"), "published", s.Published)
	checkMode(errs, siteFile, at("furigana"), s.Furigana)
	for _, e := range s.Editions {
		if e != EditionVertical {
			errs.Add(diag.New(siteFile, at("editions"), fmt.Sprintf("editions: %q is not an edition", e), "the editions are: "+EditionVertical+" (a 縦書き EPUB)"))
		}
	}
}

// checkDate checks an optional YYYY-MM-DD date.
func checkDate(errs *diag.List, file string, line int, key, date string) {
	if date == "" {
		return
	}
	if _, err := time.Parse("2006-01-02", date); err != nil {
		errs.Add(diag.New(file, line, fmt.Sprintf("%s: %q is not a date", key, date), "write it as 2024-04-01"))
	}
}

func checkMode(errs *diag.List, file string, line int, mode string) {
	if mode != "" && !modeRe.MatchString(mode) {
		errs.Add(diag.New(file, line, fmt.Sprintf("furigana: %q is not a mode", mode), "use none, all or grade:1 … grade:6"))
	}
}

// validateFront checks front matter; its lines are file lines. A missing
// key is reported at the first line of the front matter.
func validateFront(file string, f Front, errs *diag.List) {
	first := max(f.Line, 1)
	required(errs, file, f.Lines.At("title", first), "title", f.Title)
	checkMode(errs, file, f.Lines.At("furigana", first), f.Furigana)
	checkDate(errs, file, f.Lines.At("updated", first), "updated", f.Updated)
}

func validatePillar(p *Pillar, errs *diag.List) {
	dropNil(p)
	if !p.Partial {
		validatePillarFields(p, errs)
	}
	checkMode(errs, p.File, p.Lines.At("furigana", p.Line), p.Furigana)
	if len(p.Directions) > 0 && len(p.Measures) > 0 {
		errs.Add(diag.New(p.File, p.Lines.At("measures", p.Line), "a pillar has either directions or measures, not both", "move the measures into a direction"))
	}
	for _, d := range p.Directions {
		validateDirection(p, d, errs)
	}
	for _, m := range p.AllMeasures() {
		m.File, m.Pillar = p.File, p
		validateMeasure(m, errs)
	}
}

// validatePillarFields checks what a partly decoded pillar may lack only
// because of its decode errors.
func validatePillarFields(p *Pillar, errs *diag.List) {
	switch {
	case !p.Lines.Has("number"):
		errs.Add(diag.New(p.File, p.Line, "missing required field number (a positive integer)", "add number: 1"))
	case p.Number < 1:
		errs.Add(diag.New(p.File, p.Lines.At("number", p.Line), fmt.Sprintf("pillar number %d must be 1 or more", p.Number), "number pillars 1, 2, 3 …"))
	}
	required(errs, p.File, p.Lines.At("title", p.Line), "title", p.Title)
	if len(p.AllMeasures()) == 0 {
		errs.Add(diag.New(p.File, p.Line, "pillar has no measures", "add measures: or directions: with measures"))
	}
}

func validateDirection(p *Pillar, d *Direction, errs *diag.List) {
	required(errs, p.File, d.Lines.At("title", d.Line), "title", d.Title)
	if d.Lines.Has("number") && d.Number < 1 {
		errs.Add(diag.New(p.File, d.Lines.At("number", d.Line), fmt.Sprintf("direction number %d must be 1 or more", d.Number), "number directions 1, 2, 3 … within the pillar"))
	}
	for _, m := range d.Measures {
		m.Pillar, m.Direction = p, d
	}
}

func validateMeasure(m *Measure, errs *diag.List) {
	at := func(key string) int { return m.Lines.At(key, m.Line) }
	if m.Number.IsZero() {
		errs.Add(diag.New(m.File, at("number"), "missing required field number", "add number: with an integer, or 新 for a new measure"))
	}
	required(errs, m.File, at("title"), "title", m.Title)
	required(errs, m.File, at("description"), "description", m.Description)
	if len(m.Departments) == 0 {
		errs.Add(diag.New(m.File, at("departments"), "missing required field departments (担当課)", "add departments: [障がい者支援課]"))
	}
	if !statuses[m.Status] {
		errs.Add(diag.New(m.File, at("status"), fmt.Sprintf("status %q is not allowed", m.Status), "use 新規, 拡充 or 継続"))
	}
	for _, t := range m.Targets {
		required(errs, m.File, t.Lines.At("indicator", t.Line), "targets.indicator", t.Indicator)
		validateValue(m.File, t.Lines.At("baseline", t.Line), "baseline", t.Baseline, errs)
		validateValue(m.File, t.Lines.At("goal", t.Line), "goal", t.Goal, errs)
	}
}

// numbered is an entry whose number must be unique among its kind.
type numbered struct {
	n    int
	file string
	line int
}

// checkUnique reports each entry whose number an earlier entry has.
// Numbers below 1 are reported elsewhere and skipped here.
func checkUnique(kind, hint string, items []numbered, errs *diag.List) {
	seen := map[int]numbered{}
	for _, it := range items {
		if it.n < 1 {
			continue
		}
		if prev, ok := seen[it.n]; ok {
			errs.Add(diag.New(it.file, it.line, fmt.Sprintf("duplicate %s number %d (also %s:%d)", kind, it.n, prev.file, prev.line), hint))
			continue
		}
		seen[it.n] = it
	}
}

// validateUnique reports duplicate pillar numbers, and duplicate direction
// numbers within a pillar.
func validateUnique(pillars []*Pillar, errs *diag.List) {
	var ps []numbered
	for _, p := range pillars {
		ps = append(ps, numbered{p.Number, p.File, p.Lines.At("number", p.Line)})
		var ds []numbered
		for _, d := range p.Directions {
			ds = append(ds, numbered{d.Number, p.File, d.Lines.At("number", d.Line)})
		}
		checkUnique("direction", "give each direction of the pillar its own number", ds, errs)
	}
	checkUnique("pillar", "give each pillar file its own number", ps, errs)
}

// validateNumbers reports duplicate measure numbers and assigns IDs.
func validateNumbers(s *Site, errs *diag.List) {
	seen := map[int]*Measure{}
	for _, p := range s.Pillars {
		k := 0
		for _, m := range p.AllMeasures() {
			if m.Number.New {
				k++
				m.ID = fmt.Sprintf("measure-new-%d-%d", p.Number, k)
				continue
			}
			m.ID = fmt.Sprintf("measure-%d", m.Number.N)
			if prev, ok := seen[m.Number.N]; ok && m.Number.N > 0 {
				errs.Add(diag.New(m.File, m.Lines.At("number", m.Line), fmt.Sprintf("duplicate measure number %d (also %s:%d)", m.Number.N, prev.File, prev.Lines.At("number", prev.Line)),
					"give each measure its own number, or 新 for a new one"))
				continue
			}
			seen[m.Number.N] = m
		}
	}
}

func validateTerms(terms []*Term, errs *diag.List) {
	const file = ContentDir + "/glossary.yaml"
	seen := map[string]bool{}
	for _, t := range terms {
		required(errs, file, t.Lines.At("term", t.Line), "term", t.Term)
		required(errs, file, t.Lines.At("description", t.Line), "description", t.Description)
		if seen[t.Term] {
			errs.Add(diag.New(file, t.Lines.At("term", t.Line), fmt.Sprintf("duplicate term %q", t.Term), "keep one entry per term"))
		}
		seen[t.Term] = true
		// The term itself names the anchor, so links survive reordering.
		t.ID = "term-" + strings.Join(strings.Fields(t.Term), "-")
	}
}

// EasyGaps lists the texts that have no easy-read version, one *diag.Error
// each. The build prints them as warnings, or fails on them when the site
// sets require_easy.
func EasyGaps(s *Site) []*diag.Error {
	var out []*diag.Error
	gap := func(file string, line int, what string) {
		out = append(out, diag.New(file, line, what+" has no easy-read text", "add an easy: block (わかりやすい版)"))
	}
	if s.Easy == nil || len(s.Easy.Philosophy) == 0 {
		gap(siteFile, s.Lines.At("easy", 1), "philosophy")
	}
	for _, c := range s.Chapters {
		if c.Easy == nil {
			out = append(out, diag.New(c.File, 1, "chapter has no easy-read text", "write "+strings.TrimSuffix(c.File, ".md")+".easy.md"))
		}
	}
	for _, p := range s.Pillars {
		if p.Easy == nil {
			gap(p.File, p.Line, "pillar "+fmt.Sprint(p.Number))
		}
		for _, d := range p.Directions {
			if d.Easy == nil {
				gap(p.File, d.Line, "direction "+fmt.Sprint(d.Number))
			}
		}
		for _, m := range p.AllMeasures() {
			if m.Easy == nil {
				gap(m.File, m.Line, "measure "+m.Number.String())
			}
		}
	}
	return out
}

// dropNil removes empty list entries (a bare "-" in YAML, or an entry
// that failed to decode) so that later stages never meet a nil. Strict
// decoding has reported them, at their lines.
func dropNil(p *Pillar) {
	p.Directions = compact(p.Directions)
	p.Measures = compact(p.Measures)
	for _, d := range p.Directions {
		d.Measures = compact(d.Measures)
	}
	for _, m := range p.AllMeasures() {
		m.Targets = compact(m.Targets)
	}
}

func compact[T any](list []*T) []*T {
	out := list[:0]
	for _, x := range list {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}
