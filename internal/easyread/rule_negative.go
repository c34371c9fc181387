package easyread

import (
	"fmt"
	"regexp"
	"strings"
)

// doubleNegative matches the double negatives of Japanese: a negated verb
// or adjective that is negated again. Readers with intellectual
// disabilities easily take them for a plain negative.
var doubleNegative = regexp.MustCompile(
	`な[いく](?:わけ|訳)(?:では|でも|じゃ)(?:ない|ありません|ないです)` + // 行かないわけではない
		`|なく[はも](?:ない|ありません|ないです)` + // 少なくはない, できなくもない
		`|ない(?:こと|事|もの|物)?[でも]?[はも](?:ない|ありません|ないです)` + // ないことはない, ないでもない, ないものでもない
		`|ない(?:こと|事|もの|物)でも(?:ない|ありません)` +
		`|ざるを(?:得|え)(?:ない|ません|ず)` + // せざるを得ない
		`|(?:ない|ず)(?:では|には)いられ(?:ない|ません)` + // 言わずにはいられない
		`|ない(?:とは|とも)(?:限|かぎ)(?:らない|りません)` + // ないとは限らない
		`|ない(?:わけ|訳)には(?:いか|行か)(?:ない|ず|ぬ)|ない(?:わけ|訳)には(?:いき|行き)ません` + // ないわけにはいかない
		`|ない(?:はず|筈)[がは](?:ない|ありません|ないです)` + // ないはずがない, ないはずはありません
		`|な(?:ければ|くては|くちゃ|いと)(?:ならない|なりません|いけない|いけません|だめ)`, // なければならない
)

// checkDoubleNegative reports every double negative. A question is not one:
// 「わからないことは ありませんか。」 asks whether anything is unclear (the
// closing question of easy-read documents), and 〜ないと いけませんか asks
// what is needed.
func checkDoubleNegative(c *checker) []Finding {
	var out []Finding
	for _, s := range c.sentences {
		text := s.compact()
		for _, m := range doubleNegative.FindAllStringIndex(text, -1) {
			if isQuestion(text[m[1]:]) {
				continue
			}
			out = append(out, c.finding(s.line, RuleDoubleNegative, Error,
				fmt.Sprintf("double negative 「%s」", text[m[0]:m[1]]),
				"say it positively: 〜します, 〜できます, 〜してください"))
		}
	}
	return out
}

// isQuestion reports whether the rest of a sentence after a phrase makes
// the phrase a question or an invitation: か or a question mark.
func isQuestion(rest string) bool {
	for _, q := range []string{"か", "？", "?"} {
		if strings.HasPrefix(rest, q) {
			return true
		}
	}
	return false
}
