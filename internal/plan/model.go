// Package plan holds the model of a city plan (site, chapters, pillars,
// directions, measures, glossary, readings) and loads it from a content
// folder with strict YAML decoding: every unknown key, missing field and
// duplicate is reported as a *diag.Error naming the file and line.
//
// The package knows nothing about HTML or templates; text fields are kept as
// the author wrote them (Markdown with author ruby syntax).
package plan

// Site is a whole plan: site.yaml plus everything loaded from the folders
// beside it.
type Site struct {
	City        string   `yaml:"city"`
	Title       string   `yaml:"title"`
	ShortTitle  string   `yaml:"short_title"`
	Period      Period   `yaml:"period"`
	Philosophy  []string `yaml:"philosophy"`
	Policies    []string `yaml:"policies"`
	Contact     Contact  `yaml:"contact"`
	BaseURL     string   `yaml:"base_url"`
	Published   string   `yaml:"published"` // YYYY-MM-DD; dates the offline bundles (default: April 1 of period.from)
	Theme       string   `yaml:"theme"`
	Furigana    string   `yaml:"furigana"`
	UnsafeHTML  bool     `yaml:"unsafe_html"`
	RequireEasy bool     `yaml:"require_easy"`
	// FiscalYearEra names a fiscal year in which an era begins: "new"
	// (default: FY2019 is 令和元年度) or "start" (平成31年度).
	FiscalYearEra string `yaml:"fiscal_year_era"`
	// RequireCaptions makes a Markdown table without a 表: caption a build
	// error instead of a warning.
	RequireCaptions bool `yaml:"require_captions"`
	// ProgressStatuses is the site's own list of progress statuses, in
	// order; empty means DefaultStatuses.
	ProgressStatuses []ProgressStatus `yaml:"progress_statuses"`
	Easy             *EasySite        `yaml:"easy"`
	EasyRead         EasyReadLimits   `yaml:"easyread"`
	A11y             *A11yPolicy      `yaml:"accessibility"`
	// Editions are optional offline editions: "vertical" (縦書き) adds a
	// vertical EPUB of the standard variant.
	Editions []string `yaml:"editions"`

	// Lines holds the line of each key of site.yaml.
	Lines KeyLines `yaml:"-"`
	// PhilosophyLines and PoliciesLines hold the line of each item of
	// Philosophy and Policies.
	PhilosophyLines []int `yaml:"-"`
	PoliciesLines   []int `yaml:"-"`

	// Dir is the content folder the site was loaded from.
	Dir string `yaml:"-"`
	// Chapters are sorted by weight, then file name.
	Chapters []*Chapter `yaml:"-"`
	// Pillars are sorted by number.
	Pillars  []*Pillar         `yaml:"-"`
	Glossary []*Term           `yaml:"-"`
	Readings map[string]string `yaml:"-"`
	// Unloaded holds the files (content/pillars/2-x.yaml) that exist but
	// could not be loaded, or only in part. Their errors are already
	// reported, so a link into one of them is not reported again as a
	// missing page.
	Unloaded map[string]bool `yaml:"-"`
	// A11yResults is the parsed results file of the last accessibility test run, if any.
	A11yResults *A11yResults `yaml:"-"`
}

// Editions that site.yaml may ask for.
const EditionVertical = "vertical"

// HasEdition tells whether site.yaml asks for edition e.
func (s *Site) HasEdition(e string) bool {
	for _, x := range s.Editions {
		if x == e {
			return true
		}
	}
	return false
}

// Period is the plan period in Japanese fiscal years (April to March).
type Period struct {
	From int `yaml:"from"`
	To   int `yaml:"to"`
}

// Contact is the department that publishes the plan.
type Contact struct {
	Department string `yaml:"department"`
	Phone      string `yaml:"phone"`
	Fax        string `yaml:"fax"`
	Email      string `yaml:"email"`
	Address    string `yaml:"address"`
}

// EasySite holds easy-read (わかりやすい版) versions of site-level texts.
type EasySite struct {
	Title      string   `yaml:"title"`
	Philosophy []string `yaml:"philosophy"`
	Policies   []string `yaml:"policies"`

	// Lines holds the line of each key of the easy: mapping;
	// PhilosophyLines and PoliciesLines the line of each list item.
	Lines           KeyLines `yaml:"-"`
	PhilosophyLines []int    `yaml:"-"`
	PoliciesLines   []int    `yaml:"-"`
}

// EasyReadLimits configures the easy-read checker; zero values mean defaults.
type EasyReadLimits struct {
	MaxSentence   int               `yaml:"max_sentence"`
	MaxCommas     int               `yaml:"max_commas"`
	MaxKanjiRatio float64           `yaml:"max_kanji_ratio"`
	Grade         int               `yaml:"grade"`
	MaxKatakana   int               `yaml:"max_katakana"`
	HardWords     map[string]string `yaml:"hard_words"`
}

// A11yPolicy is the ウェブアクセシビリティ方針 published on the policy page.
type A11yPolicy struct {
	Target      string   `yaml:"target"`
	Scope       string   `yaml:"scope"`
	Period      string   `yaml:"period"`
	Established string   `yaml:"established"`
	Contact     string   `yaml:"contact"`
	Exceptions  []string `yaml:"exceptions"`
}

// Chapter is one prose chapter, with its optional easy-read text.
type Chapter struct {
	File  string // path relative to the site folder, e.g. chapters/01-intro.md
	Slug  string // file name without extension, e.g. 01-intro
	Front Front
	Body  []byte // the whole file, front matter included
	// BodyLine is the 1-based line where the Markdown body starts.
	BodyLine int
	Easy     *EasyChapter
	// Sum is the SHA-256 of the file's bytes: it changes when the chapter
	// does, so later stages key their caches by it without hashing the
	// text again.
	Sum [32]byte
}

// EasyChapter is the わかりやすい版 of a chapter (NN-slug.easy.md).
type EasyChapter struct {
	File     string
	Front    Front
	Body     []byte
	BodyLine int
	Sum      [32]byte // SHA-256 of the file's bytes, as Chapter.Sum
}

// Front is a chapter's front matter.
type Front struct {
	Title    string `yaml:"title"`
	Weight   int    `yaml:"weight"`
	Summary  string `yaml:"summary"`
	Furigana string `yaml:"furigana"`
	Updated  string `yaml:"updated"` // YYYY-MM-DD: the page's last-updated date (default: the site's published)

	// Line is the file line of the first key; Lines that of each key.
	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
}

// Pillar is one 施策の柱 (基本施策) with its directions or measures.
type Pillar struct {
	Number     int          `yaml:"number"`
	Title      string       `yaml:"title"`
	Summary    string       `yaml:"summary"`
	Easy       *EasyText    `yaml:"easy"`
	Directions []*Direction `yaml:"directions"`
	Measures   []*Measure   `yaml:"measures"`
	Furigana   string       `yaml:"furigana"`

	File  string   `yaml:"-"`
	Slug  string   `yaml:"-"`
	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
	// Partial is set when the file had decode errors, so that some fields
	// or list entries may be missing; validation then does not report
	// what those errors explain.
	Partial bool `yaml:"-"`
}

// Direction is one 施策の方向 inside a pillar.
type Direction struct {
	Number   int        `yaml:"number"`
	Title    string     `yaml:"title"`
	Summary  string     `yaml:"summary"`
	Easy     *EasyText  `yaml:"easy"`
	Measures []*Measure `yaml:"measures"`

	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
}

// Measure is one 施策: title, description, responsible departments.
type Measure struct {
	Number      Number    `yaml:"number"`
	Title       string    `yaml:"title"`
	Description string    `yaml:"description"`
	Departments []string  `yaml:"departments"`
	Status      string    `yaml:"status"`
	Targets     []*Target `yaml:"targets"`
	Easy        *EasyText `yaml:"easy"`
	// Progress is the yearly check of the measure (進捗状況), one entry
	// per fiscal year; see progress.go.
	Progress []*Progress `yaml:"progress"`

	File  string   `yaml:"-"`
	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
	// ID is the stable anchor of the measure, set by Load.
	ID string `yaml:"-"`
	// Pillar and Direction point back to where the measure lives; Direction may be nil.
	Pillar    *Pillar    `yaml:"-"`
	Direction *Direction `yaml:"-"`
}

// Target is a numeric goal of a measure.
type Target struct {
	Indicator string `yaml:"indicator"`
	Unit      string `yaml:"unit"`
	Baseline  Value  `yaml:"baseline"`
	Goal      Value  `yaml:"goal"`
	// Easy is the indicator in easy words, for the わかりやすい版.
	Easy string `yaml:"easy"`

	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
}

// Value is a figure in a fiscal year.
type Value struct {
	FY    int     `yaml:"fy"`
	Value float64 `yaml:"value"`
}

// EasyText is the easy-read version of a pillar, direction or measure.
// Summary and Description are synonyms so that each kind uses its own word.
type EasyText struct {
	Title       string `yaml:"title"`
	Summary     string `yaml:"summary"`
	Description string `yaml:"description"`

	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
}

// Body returns the easy summary or description, whichever is set.
func (e *EasyText) Body() string {
	if e == nil {
		return ""
	}
	if e.Description != "" {
		return e.Description
	}
	return e.Summary
}

// BodyLine returns the line where Body starts, or def when it is unknown.
func (e *EasyText) BodyLine(def int) int {
	if e == nil {
		return def
	}
	if e.Description != "" {
		return e.Lines.At("description", def)
	}
	return e.Lines.At("summary", def)
}

// Term is one glossary entry.
type Term struct {
	Term        string `yaml:"term"`
	Reading     string `yaml:"reading"`
	Description string `yaml:"description"`
	Easy        string `yaml:"easy"`

	ID    string   `yaml:"-"`
	Line  int      `yaml:"-"`
	Lines KeyLines `yaml:"-"`
}

// AllMeasures returns every measure of the plan in document order.
func (s *Site) AllMeasures() []*Measure {
	var out []*Measure
	for _, p := range s.Pillars {
		out = append(out, p.AllMeasures()...)
	}
	return out
}

// AllMeasures returns the pillar's measures, those under directions included, in order.
func (p *Pillar) AllMeasures() []*Measure {
	out := append([]*Measure(nil), p.Measures...)
	for _, d := range p.Directions {
		out = append(out, d.Measures...)
	}
	return out
}
