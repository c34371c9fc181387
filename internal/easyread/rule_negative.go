package easyread

import (
	"fmt"
	"regexp"
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
		`|ない(?:はず|筈)が(?:ない|ありません)` + // ないはずがない
		`|な(?:ければ|くては|くちゃ|いと)(?:ならない|なりません|いけない|いけません|だめ)`, // なければならない
)

// checkDoubleNegative reports every double negative.
func checkDoubleNegative(c *checker) []Finding {
	var out []Finding
	for _, s := range c.sentences {
		for _, m := range doubleNegative.FindAllString(s.compact(), -1) {
			out = append(out, c.finding(s.line, RuleDoubleNegative, Error,
				fmt.Sprintf("double negative 「%s」", m),
				"say it positively: 〜します, 〜できます, 〜してください"))
		}
	}
	return out
}
