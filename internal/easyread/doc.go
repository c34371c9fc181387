// Package easyread checks the easy-read texts (わかりやすい版) of a plan
// against the writing rules for readers with intellectual disabilities and
// computes a readability score for each page.
//
// The input is the Markdown (or plain text) of one easy text. Before any rule
// runs, the text is reduced to what a reader sees: author ruby {漢字|かんじ}
// becomes its base text 漢字, and Markdown syntax (headings, list and quote
// markers, emphasis, link destinations, images, HTML tags, code fences, front
// matter, table pipes) is removed. The lines of a paragraph are joined, as
// the rendered page joins them, and the text is split into sentences at
// 。！？ (and ! ? ｡) and at table cell borders; headings, list items and
// table rows are blocks of their own. A sentence soft-wrapped over several
// source lines is therefore measured whole, and its findings name the line
// where it starts. Whitespace (including the spaces of 分かち書き) is not
// counted as text, and words are matched across it.
//
// The rules, by the name used in their findings, with what their default
// limits are based on:
//
//   - sentence-length: a sentence longer than Config.MaxSentence characters
//     is a warning; longer than twice the limit it is an error. Default 30,
//     after the guidance of 全国手をつなぐ育成会連合会 (short sentences, one
//     thing per sentence).
//   - kanji-run: Config.KanjiRunMin (default 4) or more kanji in a row, such
//     as 障害福祉計画, also when spaces split them (地域 自立 支援 協議会);
//     warning. Four kanji are two compounds joined, which the guidance asks
//     to split or explain.
//   - kanji-grade: kanji taught after school grade Config.Grade (default 3)
//     of the 学年別漢字配当表, or not taught at primary school at all; they get
//     furigana but should be rare; warning, one finding per line.
//   - commas: more than Config.MaxCommas (default 2) 、 in one sentence;
//     warning. Three commas mean four phrases: more than one thing.
//   - kanji-ratio: kanji share of a sentence above Config.MaxKanjiRatio;
//     sentences shorter than 8 characters are skipped; warning. Default 0.4,
//     measured (testdata/calibration and the sample plan): sentences of good
//     easy-read texts whose kanji are of grades 1–3 have up to 38% kanji
//     (95th percentile 24–32%), the sentences of standard plan prose have a
//     median of 44%. A lower limit warns on good texts (at 0.2, 17 of 20 good
//     paragraphs got a warning).
//   - hard-word: a word of the hard-word list (administrative and welfare plan
//     vocabulary such as 施策, 推進する, 図ります, formal words written with
//     easy kanji such as 当面の間, 所定の, and hard words spelt in kana such
//     as すいしんします) with the plain word to use instead; the built-in list
//     is data file hardwords.tsv and a site adds to it with Config.HardWords;
//     error. A word in hiragana matches only as a whole word.
//   - double-negative: 〜ないわけではない, 〜なくはない, 〜ないことはない,
//     〜ないはずはない, 〜ざるを得ない, 〜なければならない and similar; error.
//     A question is not one: 「わからないことは ありませんか。」 is the
//     closing question of easy-read documents.
//   - polite-passive: bureaucratic politeness (〜させていただきます,
//     〜となっております, 〜ております, でございます: error; いたします:
//     warning) and the passive of administration (実施されます, 定められて
//     います, 受けつけられる: warning), with plain alternatives. Everyday
//     passives and the potential of everyday verbs (にげられる) are left
//     alone.
//   - katakana: a katakana word longer than Config.MaxKatakana characters
//     (default 6, so words of 7 or more are reported), once per text where it
//     first appears, which is where it should be explained; warning.
//
// Besides the findings, Check returns the readability score of the page after
// 建石・小野・山田 (1988), computed on the text without phrase spaces; see
// Readability.
//
// Findings are sorted by line and then by rule name; within one line and
// rule they keep the order of the text. Check never panics, whatever its
// input.
package easyread
