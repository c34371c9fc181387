package easyread

import (
	"fmt"
	"regexp"
)

// stiffPhrase is a pattern of the polite-passive rule: bureaucratic
// politeness and the passive voice, which the easy-read guidance asks to
// replace with plain です・ます and with saying who does what.
type stiffPhrase struct {
	re         *regexp.Regexp
	sev        Severity
	what       string
	suggestion string
}

// stiffPhrases are matched on the sentence without spaces, in this order;
// a phrase found is not matched again by a later pattern.
var stiffPhrases = []stiffPhrase{
	{regexp.MustCompile(`せて(?:いただ|頂)(?:き|く|け)`), Error, "humble 〜させていただく",
		"say it plainly: 送らせていただきます → おくります"},
	{regexp.MustCompile(`(?:と|に)なって(?:おり|居り)(?:ます|まし)`), Error, "stiff 〜となっております",
		"say it plainly: 〜です, 〜に なります"},
	{regexp.MustCompile(`て(?:おり|居り)(?:ます|まし)`), Error, "stiff 〜ております",
		"say it plainly: 〜て います"},
	{regexp.MustCompile(`でございま`), Error, "stiff でございます", "say です"},
	{regexp.MustCompile(`(?:いた|致)しま`), Warning, "humble いたします", "say します"},
	// The passive of administration: a kanji noun + される (実施される,
	// 設置されています), 〜られている (進められています) and 〜られる after
	// the verbs of administration (受けつけられる, 定められた, 位置づけられ
	// る). Other passives (ひどい ことを された) are everyday Japanese, and
	// other 〜られる mostly the potential of everyday verbs (にげられる,
	// かりられる), which easy texts use; they are not reported.
	{regexp.MustCompile(`\p{Han}され(?:る|ます|ました|ません|て|た)` +
		`|られて(?:い|お|居)` +
		`|(?:受け?付け|受けつけ|うけつけ|認め|みとめ|求め|もとめ|定め|さだめ|設け|もうけ|進め|決め|きめ|考え|かんがえ|与え|あたえ|` +
		`位置付け|位置づけ|いちづけ|義務付け|義務づけ|ぎむづけ|用い|もちい|寄せ|課せ|届け|とどけ)られ`),
		Warning, "passive 〜される / 〜られる",
		"say who does it: 市が 〜します, 〜を 受けつけます"},
}

// checkPolitePassive reports stiff polite phrasing and the passive voice.
func checkPolitePassive(c *checker) []Finding {
	var out []Finding
	for _, s := range c.sentences {
		text := s.compact()
		var taken [][]int
		for _, p := range stiffPhrases {
			for _, m := range p.re.FindAllStringIndex(text, -1) {
				if overlaps(taken, m) {
					continue
				}
				taken = append(taken, m)
				out = append(out, c.finding(s.line, RulePolitePassive, p.sev,
					fmt.Sprintf("%s 「%s」", p.what, text[m[0]:m[1]]), p.suggestion))
			}
		}
	}
	return out
}

// overlaps reports whether the byte range m overlaps one of taken.
func overlaps(taken [][]int, m []int) bool {
	for _, t := range taken {
		if m[0] < t[1] && t[0] < m[1] {
			return true
		}
	}
	return false
}
