package easyread

// Default limits used for the zero values of Config; the package comment
// says what each is based on.
const (
	DefaultMaxSentence   = 30  // characters per sentence (全国手をつなぐ育成会連合会)
	DefaultMaxCommas     = 2   // 、 per sentence
	DefaultKanjiRunMin   = 4   // kanji in a row that are reported
	DefaultGrade         = 3   // highest school grade of kanji used without comment
	DefaultMaxKatakana   = 6   // longest katakana word without comment
	DefaultMaxKanjiRatio = 0.4 // kanji share per sentence (measured on good easy texts)
)

// MinRatioLength is the shortest sentence, in characters, that the
// kanji-ratio rule looks at: in a very short sentence one kanji is already a
// large share.
const MinRatioLength = 8

// Config holds the limits of the rules. A zero field means the default (see
// DefaultConfig); a negative field turns its rule off.
type Config struct {
	// MaxSentence is the longest sentence, in characters, that is not
	// reported. Above it the sentence-length rule warns; above twice it the
	// finding is an error.
	MaxSentence int
	// MaxCommas is the most 、 a sentence may have.
	MaxCommas int
	// KanjiRunMin is the length from which a run of kanji is reported.
	KanjiRunMin int
	// Grade is the highest school grade (1–6) whose kanji are not reported.
	// Kanji that are not 教育漢字 are always reported.
	Grade int
	// MaxKatakana is the longest katakana word, in characters, that is not
	// reported.
	MaxKatakana int
	// MaxKanjiRatio is the largest share of kanji (0–1) a sentence may have.
	MaxKanjiRatio float64
	// HardWords adds words to the built-in hard-word list, each mapped to the
	// plain word to suggest instead. An entry replaces a built-in entry of
	// the same word; an empty suggestion reports the word without one; the
	// suggestion "-" removes the word from the list (allows it).
	HardWords map[string]string
}

// DefaultConfig returns the default limits. Its HardWords is nil: the
// built-in list always applies (see HardWords).
func DefaultConfig() Config {
	return Config{
		MaxSentence:   DefaultMaxSentence,
		MaxCommas:     DefaultMaxCommas,
		KanjiRunMin:   DefaultKanjiRunMin,
		Grade:         DefaultGrade,
		MaxKatakana:   DefaultMaxKatakana,
		MaxKanjiRatio: DefaultMaxKanjiRatio,
	}
}

// withDefaults returns cfg with every zero field set to its default.
func (cfg Config) withDefaults() Config {
	d := DefaultConfig()
	if cfg.MaxSentence == 0 {
		cfg.MaxSentence = d.MaxSentence
	}
	if cfg.MaxCommas == 0 {
		cfg.MaxCommas = d.MaxCommas
	}
	if cfg.KanjiRunMin == 0 {
		cfg.KanjiRunMin = d.KanjiRunMin
	}
	if cfg.Grade == 0 {
		cfg.Grade = d.Grade
	}
	if cfg.MaxKatakana == 0 {
		cfg.MaxKatakana = d.MaxKatakana
	}
	if cfg.MaxKanjiRatio == 0 {
		cfg.MaxKanjiRatio = d.MaxKanjiRatio
	}
	return cfg
}
