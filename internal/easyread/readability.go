package easyread

// Readability holds the readability score of a text and the measures it is
// computed from.
//
// The score is RS′ of 建石由佳・小野芳彦・山田尚勇 (1988) 「日本文の読みやすさの
// 評価式」, 情報処理学会研究報告 ヒューマンコンピュータインタラクション
// 1988-HI-018, pp. 1–8
// (in English: Tateisi, Ono and Yamada, "A computer readability formula of
// Japanese texts for machine scoring", COLING 1988). It needs no
// morphological analysis, only the scripts of the characters:
//
//	RS = −0.12·ls − 1.37·la + 7.4·lh − 23.18·lc − 5.4·lk − 4.67·cp + 115.79
//
// where ls is the mean sentence length in characters, la, lh, lc and lk are
// the mean lengths of the runs (連, maximal sequences of one script) of
// alphabet, hiragana, kanji and katakana, and cp is the number of commas 、
// per period. The formula comes from a principal component analysis of 77
// texts, scaled so that those texts have a mean of 50 and a standard
// deviation of 10: a higher score is easier to read. Essays and
// introductions scored higher than papers and legal texts, and revising a
// text raised its score. Short sentences, long hiragana runs and short
// kanji and katakana runs raise it; kanji compounds, loanwords and commas
// lower it. The paper gives no grade scale, so compare pages with each other
// (and a page with its standard version) rather than with a fixed threshold.
//
// Counting, as this package does it: a sentence ends at 。！？ and at line
// ends (see the package comment), so cp is commas per sentence; its length
// counts all characters but whitespace; runs are counted on the text
// without whitespace, so the spaces of 分かち書き (phrase spacing) neither
// cut a hiragana run nor change the score; alphabet means Latin letters (ASCII
// and full-width), digits and punctuation belong to no run; 々 is a kanji;
// ー belongs to the run before it. A script that does not occur has a mean
// run length of 0.
type Readability struct {
	Score                   float64 // RS; 0 when the text has no sentence
	Sentences               int     // number of sentences
	LS                      float64 // mean sentence length (characters)
	LA, LH, LC, LK          float64 // mean run length of alphabet, hiragana, kanji, katakana
	CP                      float64 // commas per sentence
	AlphaRuns, HiraganaRuns int     // number of runs, for reference
	KanjiRuns, KatakanaRuns int
}

// ReadabilityOf computes the readability of a Markdown text with author
// ruby, reduced to its visible text as Check does.
func ReadabilityOf(text string) Readability {
	return readability(sentences(text, 1))
}

// readability computes the measures of Readability over sentences.
func readability(ss []sentence) Readability {
	var r Readability
	r.Sentences = len(ss)
	if len(ss) == 0 {
		return r
	}
	var chars, commaCount int
	var count, length [5]int // by class
	for _, s := range ss {
		chars += s.length()
		commaCount += commas(string(s.text))
		for _, run := range runs(s.flat) {
			count[run.class]++
			length[run.class] += len(run.text)
		}
	}
	mean := func(c class) float64 {
		if count[c] == 0 {
			return 0
		}
		return float64(length[c]) / float64(count[c])
	}
	n := float64(len(ss))
	r.LS = float64(chars) / n
	r.LA, r.LH, r.LC, r.LK = mean(alphabet), mean(hiragana), mean(kanjiClass), mean(katakana)
	r.CP = float64(commaCount) / n
	r.AlphaRuns, r.HiraganaRuns = count[alphabet], count[hiragana]
	r.KanjiRuns, r.KatakanaRuns = count[kanjiClass], count[katakana]
	r.Score = -0.12*r.LS - 1.37*r.LA + 7.4*r.LH - 23.18*r.LC - 5.4*r.LK - 4.67*r.CP + 115.79
	return r
}
