// Package easyread checks the easy-read texts (わかりやすい版) of a plan
// against the writing rules for readers with intellectual disabilities and
// computes a readability score for each page.
//
// The input is the Markdown (or plain text) of one easy text. Before any rule
// runs, the text is reduced to what a reader sees: author ruby {漢字|かんじ}
// becomes its base text 漢字, and Markdown syntax (headings, list and quote
// markers, emphasis, link destinations, images, HTML tags, code fences, front
// matter, table pipes) is removed. The text is then split into sentences at
// 。！？ (and ! ? ｡), at table cell borders and at every line end, so a sentence never spans two lines and every
// finding has an exact line number. Whitespace (including the spaces of
// 分かち書き) is not counted as text.
//
// The rules, by the name used in their findings:
//
//   - sentence-length: a sentence longer than Config.MaxSentence characters
//     (default 30, after the guideline of 全国手をつなぐ育成会連合会) is a
//     warning; longer than twice the limit it is an error.
//   - kanji-run: Config.KanjiRunMin (default 4) or more kanji in a row, such
//     as 障害福祉計画; warning.
//   - kanji-grade: kanji taught after school grade Config.Grade (default 3)
//     of the 学年別漢字配当表, or not taught at primary school at all; they get
//     furigana but should be rare; warning, one finding per line.
//   - commas: more than Config.MaxCommas (default 2) 、 in one sentence; warning.
//   - kanji-ratio: kanji share of a sentence above Config.MaxKanjiRatio
//     (default 0.2); sentences shorter than 8 characters are skipped; warning.
//   - hard-word: a word of the hard-word list (administrative and welfare plan
//     vocabulary such as 施策, 推進する, 図ります) with the plain word to use
//     instead; the built-in list is data file hardwords.tsv and a site adds to
//     it with Config.HardWords; error.
//   - double-negative: 〜ないわけではない, 〜なくはない, 〜ないことはない,
//     〜ざるを得ない, 〜なければならない and similar; error.
//   - katakana: a katakana word longer than Config.MaxKatakana characters
//     (default 6, so words of 7 or more are reported); warning.
//
// Besides the findings, Check returns the readability score of the page after
// 建石・小野・山田 (1988); see Readability.
//
// Findings are sorted by line and then by rule name; within one line and
// rule they keep the order of the text. Check never panics, whatever its
// input.
package easyread
