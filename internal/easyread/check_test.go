package easyread

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// goodTexts are easy texts that follow the rules: short sentences, mostly
// hiragana, few and easy kanji.
var goodTexts = map[string]string{
	"plain": `---
title: けいかくに ついて
weight: 1
---
# この けいかくは なにか

この けいかくは まちの やくそくです。
みんなが あんしんして くらせる まちを つくります。

## だれの ための けいかく

- こまって いる 人
- かぞく
- まちの みんな

[くわしい 話](02-plan.md)は つぎの ページに あります。
`,
	"ruby-and-markdown": `# **そうだん** する ところ

![そうだん](picto:soudan) こまった ときは、 そうだんして ください。

1. でんわを します。
2. 「はなしたい」と いいます。
3. 人が きて くれます。

> {小平市|こだいら し}の やくしょで きく ことが できます。

| なに | どこ |
|------|------|
| そうだん | やくしょ |
`,
	"realistic": `# くらしの ばしょ

{障|しょう}がいの ある 人も、 ない 人も いっしょに くらします。
すみたい ところで くらせるように します。
こまった ときは、 すぐに 人が きて くれます。
かぞくが つかれた ときも たすけます。
`,
}

func TestGoodTextsHaveNoErrors(t *testing.T) {
	for name, text := range goodTexts {
		t.Run(name, func(t *testing.T) {
			rep := Check(name+".easy.md", 1, text, Config{})
			if rep.Errors() != 0 {
				t.Errorf("errors in a good text:\n%s", rep)
			}
			if rep.Sentences == 0 {
				t.Error("no sentences found")
			}
		})
	}
	// The first two use only kanji of grades 1–3 and nothing else to warn about.
	for _, name := range []string{"plain", "ruby-and-markdown"} {
		if rep := Check(name, 1, goodTexts[name], Config{}); len(rep.Findings) != 0 {
			t.Errorf("%s: want no findings, got\n%s", name, rep)
		}
	}
}

const badText = `# 計画について

わたしたちは まちの みんなと いっしょに たのしく くらしていける まちを めざします。
わたしたちは まちの みんなと いっしょに たのしく あんしんして まいにち げんきに くらしていける まちを ずっと みんなで めざしていきます。
地域福祉計画を つくります。
この 施策を すすめます。
でかけないわけではありません。
コミュニケーションを たいせつに します。
あさ、ひる、よる、くすりを のみます。
東京都の公園で遊ぶ。
`

// want is a compact expected finding: line, rule, severity.
type wantF struct {
	line int
	rule string
	sev  Severity
}

func summarize(fs []Finding) []wantF {
	var out []wantF
	for _, f := range fs {
		out = append(out, wantF{f.Line, f.Rule, f.Severity})
	}
	return out
}

func TestBadText(t *testing.T) {
	rep := Check("bad.easy.md", 1, badText, Config{})
	got := summarize(rep.Findings)
	exp := []wantF{
		{3, RuleSentenceLength, Warning}, // 38 characters
		{4, RuleSentenceLength, Error},   // 62 characters > 2×30
		{5, RuleKanjiGrade, Warning},     // 域(6) 祉(not 教育漢字)
		{5, RuleKanjiRatio, Warning},     // 6 of 13
		{5, RuleKanjiRun, Warning},       // 地域福祉計画
		{6, RuleHardWord, Error},         // 施策
		{6, RuleKanjiGrade, Warning},     // 施(not 教育漢字) 策(6)
		{7, RuleDoubleNegative, Error},   // ないわけではありません
		{8, RuleKatakana, Warning},       // コミュニケーション, 9
		{9, RuleCommas, Warning},         // 3 、
		{10, RuleKanjiRatio, Warning},    // 6 of 10
	}
	if fmt.Sprint(got) != fmt.Sprint(exp) {
		t.Errorf("findings:\n got %v\nwant %v\n%s", got, exp, rep)
	}
	if rep.Sentences != 9 {
		t.Errorf("sentences = %d, want 9", rep.Sentences)
	}
	if rep.Errors() != 3 || rep.Warnings() != 8 {
		t.Errorf("errors, warnings = %d, %d; want 3, 8", rep.Errors(), rep.Warnings())
	}

	msgs := map[string]string{}
	for _, f := range rep.Findings {
		msgs[fmt.Sprintf("%d %s", f.Line, f.Rule)] = f.String()
	}
	for key, s := range map[string]string{
		"3 sentence-length": "bad.easy.md:3: sentence-length: sentence 「わたしたちは まちの み…」 has 38 characters (max 30) (→ split it into shorter sentences)",
		"5 kanji-run":       "bad.easy.md:5: kanji-run: 「地域福祉計画」 is 6 kanji in a row (max 3) (→ split the word or write part of it in hiragana)",
		"5 kanji-grade":     "bad.easy.md:5: kanji-grade: kanji above grade 3: 域(6年) 祉(中学以上) (→ they get furigana, but use them rarely; write the word in hiragana or use an easier word)",
		"5 kanji-ratio":     "bad.easy.md:5: kanji-ratio: sentence 「地域福祉計画を つくりま…」 is 46% kanji (6 of 13 characters; max 40%) (→ write some words in hiragana)",
		"6 hard-word":       "bad.easy.md:6: hard-word: 「施策」 is a hard word (→ とりくみ)",
		"7 double-negative": "bad.easy.md:7: double-negative: double negative 「ないわけではありません」 (→ say it positively: 〜します, 〜できます, 〜してください)",
		"8 katakana":        "bad.easy.md:8: katakana: katakana word 「コミュニケーション」 has 9 characters (max 6) (→ use a Japanese word, or explain the word)",
		"9 commas":          "bad.easy.md:9: commas: sentence 「あさ、ひる、よる、くすり…」 has 3 、 (max 2) (→ split it into shorter sentences)",
	} {
		if msgs[key] != s {
			t.Errorf("%s:\n got %s\nwant %s", key, msgs[key], s)
		}
	}
}

func TestStartLine(t *testing.T) {
	rep := Check("x.md", 10, "あ\n\nこの とりくみを すすめます。でかけなくもない。", Config{})
	if len(rep.Findings) != 1 || rep.Findings[0].Line != 12 {
		t.Fatalf("want one finding on line 12, got\n%s", rep)
	}
	for _, start := range []int{0, -5} {
		rep := Check("x.md", start, "でかけなくもない。", Config{})
		if len(rep.Findings) != 1 || rep.Findings[0].Line != 1 {
			t.Errorf("startLine %d: want line 1, got\n%s", start, rep)
		}
	}
}

func TestFrontMatterLines(t *testing.T) {
	// Front matter is skipped but still counts for line numbers.
	text := "---\ntitle: 施策\nweight: 1\n---\nこの 施策です。\n"
	rep := Check("x.md", 1, text, Config{})
	if got := summarize(rep.Findings); fmt.Sprint(got) != fmt.Sprint([]wantF{{5, RuleHardWord, Error}, {5, RuleKanjiGrade, Warning}}) {
		t.Errorf("got %v\n%s", got, rep)
	}
}

func TestMarkdownIsNotText(t *testing.T) {
	// Link destinations, image alt text and destinations, HTML, code
	// fences, URLs and emphasis would each push a sentence over the limits
	// or trigger a rule if they were counted.
	text := "## [まちの ようす](../pillars/1-community-development-plan.yaml)を みます。\n" +
		"![地域福祉計画の表紙](images/very-long-file-name-of-a-picture.png)\n" +
		"**ここ**に <span class=\"note\">かきます</span>。 https://www.example.jp/a/very/long/path/to/a/page.html\n" +
		"```\n地域福祉計画を推進します。\n```\n" +
		"<!-- 地域福祉計画を\n推進します -->\n" +
		"[^1]と \\{ かっこ\n" +
		"[ref]: https://example.jp/施策\n" +
		"- [ ] ~~やること~~\n" +
		"***\n" +
		"    インデントも ただの ぶんです。\n"
	rep := Check("md.md", 1, text, Config{})
	if len(rep.Findings) != 0 {
		t.Errorf("want no findings, got\n%s", rep)
	}
	lines := visibleLines(text)
	wantLines := []string{
		"まちの ようすを みます。",
		"",
		"ここに かきます。",
		"", "", "",
		"", "",
		"と { かっこ",
		"",
		"やること",
		"",
		"インデントも ただの ぶんです。",
		"",
	}
	if fmt.Sprintf("%q", lines) != fmt.Sprintf("%q", wantLines) {
		t.Errorf("visible lines:\n got %q\nwant %q", lines, wantLines)
	}
}

func TestVisibleLine(t *testing.T) {
	for in, want := range map[string]string{
		"# みだし #":    "みだし",
		"###### ろく":  "ろく",
		"#ハッシュ":      "#ハッシュ",
		"> - 1. いれこ": "いれこ",
		"10) じゅう":    "じゅう",
		"-ハイフン":      "-ハイフン",
		"{小平|こ|だいら}と {~漢字|かんじ}":       "小平と 漢字",
		"{こわれた と {a}":                 "{こわれた と {a}",
		"| {漢字\\|かんじ} | {小平|こ|だいら} |": "\n漢字\n小平\n",
		"{小平|こ|だ|いら}":                 "{小平\nこ\nだ\nいら}",
		"[{施策|しさく}](x.md)":            "施策",
		"[a [b] c](x)":                "a [b] c",
		"[ただの かっこ]":                   "[ただの かっこ]",
		"`コード` と ``a`b``":             "コード と a`b",
		"a | b | c":                   "a\nb\nc",
		"| a | b |":                   "\na\nb\n",
		"|---|:-:|":                   "",
		"===":                         "",
		"- - -":                       "",
		"a\\*b\\":                     "a*b",
		"<https://example.jp>です":      "です",
		"1 < 2 と 3 > 2":               "1 < 2 と 3 > 2",
		"　ぜんかく　スペース　":                 "ぜんかく スペース",
		"snake_case と *em*":           "snakecase と em",
	} {
		if got := visibleLines(in)[0]; got != want {
			t.Errorf("visibleLines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "「はい。」と いいました！ ほんとう？ うん\nつぎの ぎょう。\n\n。、\nA | B"
	var got []string
	for _, s := range sentences(text, 1) {
		got = append(got, fmt.Sprintf("%d:%s", s.line, string(s.text)))
	}
	// うん is soft-wrapped: the rendered paragraph reads うん つぎの ぎょう。
	want := []string{"1:「はい。」", "1:と いいました！", "1:ほんとう？", "1:うん つぎの ぎょう。", "5:A", "5:B"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
	// Whitespace is not counted.
	if n := (sentence{text: []rune("あ い　う")}).length(); n != 3 {
		t.Errorf("length = %d, want 3", n)
	}
}

// TestSoftWrappedSentences checks that a sentence wrapped over several
// source lines is measured whole and reported where it starts, while
// headings, list items and table rows stay apart.
func TestSoftWrappedSentences(t *testing.T) {
	text := "# みだし\n" +
		"わたしたちは まちの みんなと いっしょに\n" + // line 2: the sentence starts here
		"たのしく あんしんして まいにち げんきに\n" +
		"くらしていける まちを ずっと みんなで めざして いきます。\n" +
		"\n" +
		"- ひとつめ\n" +
		"- ふたつめ\n" +
		"> いんようの\n" +
		"> つづきです。\n"
	var got []string
	for _, s := range sentences(text, 1) {
		got = append(got, fmt.Sprintf("%d:%s", s.line, string(s.text)))
	}
	want := []string{"1:みだし",
		"2:わたしたちは まちの みんなと いっしょに たのしく あんしんして まいにち げんきに くらしていける まちを ずっと みんなで めざして いきます。",
		"6:ひとつめ", "7:ふたつめ", "8:いんようの つづきです。"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
	rep := Check("wrap.easy.md", 1, text, Config{})
	if len(rep.Findings) != 1 || rep.Findings[0].Rule != RuleSentenceLength || rep.Findings[0].Line != 2 || rep.Findings[0].Severity != Error {
		t.Errorf("want one sentence-length error on line 2, got\n%s", rep)
	}
}

func TestSentenceLengthLimits(t *testing.T) {
	s30 := strings.Repeat("あ", 29) + "。"
	s31 := strings.Repeat("あ", 30) + "。"
	s60 := strings.Repeat("あ", 59) + "。"
	s61 := strings.Repeat("あ", 60) + "。"
	for _, tc := range []struct {
		text string
		sev  []Severity
	}{
		{s30, nil},
		{s31, []Severity{Warning}},
		{s60, []Severity{Warning}},
		{s61, []Severity{Error}},
		{strings.Repeat("あ", 31), []Severity{Warning}}, // a line end ends a sentence too
	} {
		var got []Severity
		for _, f := range Check("x", 1, tc.text, Config{}).Findings {
			if f.Rule == RuleSentenceLength {
				got = append(got, f.Severity)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.sev) {
			t.Errorf("%d characters: got %v, want %v", len([]rune(tc.text)), got, tc.sev)
		}
	}
	// A configured limit.
	rep := Check("x", 1, strings.Repeat("あ", 11), Config{MaxSentence: 10})
	if got := summarize(rep.Findings); fmt.Sprint(got) != fmt.Sprint([]wantF{{1, RuleSentenceLength, Warning}}) {
		t.Errorf("MaxSentence 10: %v", got)
	}
}

func TestConfig(t *testing.T) {
	d := DefaultConfig()
	if d.MaxSentence != 30 || d.MaxCommas != 2 || d.KanjiRunMin != 4 || d.Grade != 3 ||
		d.MaxKatakana != 6 || d.MaxKanjiRatio != 0.4 {
		t.Errorf("DefaultConfig = %+v", d)
	}
	if got := (Config{}).withDefaults(); fmt.Sprint(got) != fmt.Sprint(d) {
		t.Errorf("zero Config = %+v, want %+v", got, d)
	}
	// Negative values turn rules off.
	off := Config{MaxSentence: -1, MaxCommas: -1, KanjiRunMin: -1, Grade: -1, MaxKatakana: -1, MaxKanjiRatio: -1,
		HardWords: map[string]string{"施策": "-"}}
	rep := Check("bad.easy.md", 1, badText, off)
	if got := summarize(rep.Findings); fmt.Sprint(got) != fmt.Sprint([]wantF{{7, RuleDoubleNegative, Error}}) {
		t.Errorf("rules off: got %v", got)
	}
	// Other limits.
	cfg := Config{KanjiRunMin: 3, Grade: 6, MaxKatakana: 10, MaxCommas: 3, MaxKanjiRatio: 0.5}
	rep = Check("x", 1, "東京都。コミュニケーション。あさ、ひる、よる、くすり。", cfg)
	if got := summarize(rep.Findings); fmt.Sprint(got) != fmt.Sprint([]wantF{{1, RuleKanjiRun, Warning}}) {
		t.Errorf("custom limits: got %v\n%s", got, rep)
	}
	rep = Check("x", 1, "ノートパソコン", Config{MaxKatakana: 7})
	if len(rep.Findings) != 0 {
		t.Errorf("7 katakana with MaxKatakana 7: %s", rep)
	}
	rep = Check("x", 1, "ノートパソコン", Config{})
	if got := summarize(rep.Findings); fmt.Sprint(got) != fmt.Sprint([]wantF{{1, RuleKatakana, Warning}}) {
		t.Errorf("7 katakana by default: %v", got)
	}
	// A long word is reported once per text, where it first appears.
	rep = Check("x", 1, "ノートパソコンを かいます。\n\nノートパソコンは べんりです。", Config{})
	if got := summarize(rep.Findings); fmt.Sprint(got) != fmt.Sprint([]wantF{{1, RuleKatakana, Warning}}) {
		t.Errorf("repeated katakana word: %v", got)
	}
}

func TestKanjiGrade(t *testing.T) {
	// 人(1) 市(2) 進(3) 福(3) are fine at grade 3; 障 is grade 6; 々 has no grade.
	rep := Check("x", 1, "人々の 市。進む 福。障。障。", Config{})
	if len(rep.Findings) != 1 || rep.Findings[0].Message != "kanji above grade 3: 障(6年)" {
		t.Errorf("got\n%s", rep)
	}
	rep = Check("x", 1, "障。", Config{Grade: 6})
	if len(rep.Findings) != 0 {
		t.Errorf("grade 6: got\n%s", rep)
	}
	rep = Check("x", 1, "障。", Config{Grade: 5})
	if len(rep.Findings) != 1 {
		t.Errorf("grade 5: got\n%s", rep)
	}
}

func TestKanjiRatio(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
	}{
		{"東京都の公園。", 0},      // 7 characters: too short to judge
		{"東京都の公園です。", 1},    // 5 of 9
		{"山へ いきます。あした。", 0}, // 1 of 8
		{"山川へ いきます。", 0},    // 2 of 9 = 22%
		{"山川と 池へ 行く。", 1},   // 4 of 9 = 44%
	} {
		n := 0
		for _, f := range Check("x", 1, tc.text, Config{}).Findings {
			if f.Rule == RuleKanjiRatio {
				n++
			}
		}
		if n != tc.n {
			t.Errorf("%s: %d kanji-ratio findings, want %d", tc.text, n, tc.n)
		}
	}
}

func TestHardWords(t *testing.T) {
	list := HardWords()
	if len(list) < 80 {
		t.Errorf("built-in list has %d words, want at least 80", len(list))
	}
	for w, s := range list {
		if w == "" || s == "" || strings.ContainsAny(w, " \t") {
			t.Errorf("bad entry %q → %q", w, s)
		}
	}
	for _, w := range []string{"施策", "推進する", "図ります", "充実"} {
		if list[w] == "" {
			t.Errorf("%s missing from the built-in list", w)
		}
	}
	list["施策"] = "changed"
	if HardWords()["施策"] != "とりくみ" {
		t.Error("HardWords returns the shared map")
	}

	find := func(text string, site map[string]string) []string {
		var out []string
		for _, f := range Check("x", 1, text, Config{HardWords: site}).Findings {
			if f.Rule == RuleHardWord {
				out = append(out, f.Message+" → "+f.Suggestion)
			}
		}
		return out
	}
	// Longest match first; 分かち書き spaces do not hide a word; ruby is reduced.
	got := find("まちづくりを 推進します。{充実|じゅうじつ}を 図ります。施 策", nil)
	want := []string{
		"「推進します」 is a hard word → すすめます",
		"「充実を図ります」 is a hard word → よくします",
		"「施策」 is a hard word → とりくみ",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// Formal words with easy kanji, and hard words spelt in kana as whole
	// words only (じっし is not in じっしゅう).
	got = find("とうめんの あいだ、当面の間は 所定の ようしで すいしん します。じっしゅうに いきます。", nil)
	want = []string{
		"「とうめん」 is a hard word → しばらく",
		"「当面の間」 is a hard word → しばらく",
		"「所定の」 is a hard word → きまった",
		"「すいしんします」 is a hard word → すすめます",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// A site adds, replaces and removes words.
	got = find("ぐるーぷほーむと 施策と 推進", map[string]string{
		"ぐるーぷ ほーむ": "みんなで すむ いえ", "施策": "", "推進": "-", " ": "x",
	})
	want = []string{"「ぐるーぷほーむ」 is a hard word → みんなで すむ いえ", "「施策」 is a hard word → "}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("site list: got %q\nwant %q", got, want)
	}
	// Katakana and alphabet words match whole words only.
	got = find("ケアマネジメント と マネジメント。QOLと QOLS。", nil)
	want = []string{"「マネジメント」 is a hard word → すすめかた", "「QOL」 is a hard word → くらしやすさ"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("whole words: got %q\nwant %q", got, want)
	}
	// A katakana word on the list is reported once, as a hard word.
	rep := Check("x", 1, "ノーマライゼーション", Config{})
	if got := summarize(rep.Findings); fmt.Sprint(got) != fmt.Sprint([]wantF{{1, RuleHardWord, Error}}) {
		t.Errorf("katakana hard word: %v", got)
	}
}

func TestParseWordList(t *testing.T) {
	m := parseWordList("# c\n\nあ\tい\r\nう\n え お \t か \n")
	want := map[string]string{"あ": "い", "う": "", "えお": "か"}
	if fmt.Sprint(m) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", m, want)
	}
}

func TestDoubleNegative(t *testing.T) {
	yes := []string{
		"いかないわけではない", "できないわけでもありません", "すきじゃないわけじゃない",
		"すくなくはない", "できなくもない", "できなくはありません",
		"しらないことはない", "わからないこともありません", "いけないでもない", "しないものでもない",
		"やらざるを得ない", "やらざるをえません",
		"いわずにはいられない", "わらわないではいられません",
		"あたらないとは限らない", "おきないとはかぎりません",
		"いかないわけにはいかない", "いかないわけにはいきません",
		"しらないはずがない", "しらないはずはありません", "こないはずはない",
		"しなければならない", "しなければなりません", "しなくてはいけない", "しないといけません",
	}
	no := []string{
		"いきません", "できない", "わけが あります", "ないです", "ことは ありません",
		"はなしを します", "ならないように します", "あります",
		// Questions and invitations are not double negatives.
		"わからないことは ありませんか", "こまって いないことは ありませんか？",
		"いっしょに いかないと いけませんか",
	}
	for _, s := range yes {
		if n := Counts([]Report{Check("x", 1, s+"。", Config{})})[RuleDoubleNegative]; n != 1 {
			t.Errorf("%s: %d findings, want 1 double negative", s, n)
		}
	}
	for _, s := range no {
		for _, f := range Check("x", 1, s+"。", Config{}).Findings {
			t.Errorf("%s: unexpected %s", s, f)
		}
	}
}

func TestKatakanaRuns(t *testing.T) {
	// ・ and spaces split words; ー counts; hiragana with ー stays hiragana.
	rep := Check("x", 1, "ケア・マネジャー と ホーム ヘルパー。すごーい。", Config{})
	if len(rep.Findings) != 0 {
		t.Errorf("got\n%s", rep)
	}
	rs := runs([]rune("すごーいカーABC東京々ｶﾀｶﾅ1"))
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%d:%s", r.class, string(r.text)))
	}
	want := []string{"2:すごーい", "4:カー", "1:ABC", "3:東京々", "4:ｶﾀｶﾅ"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("runs = %q, want %q", got, want)
	}
}

func TestReadability(t *testing.T) {
	// Three sentences (the last ends at the line end):
	//   ねこが、すき。 7 characters; hiragana runs ねこが(3) すき(2); one comma
	//   本をよむ。     5 characters; kanji run 本(1), hiragana run をよむ(3)
	//   ABCとテレビ    7 characters; alphabet ABC(3), hiragana と(1), katakana テレビ(3)
	// ls = 19/3, la = 3, lh = 9/4 = 2.25, lc = 1, lk = 3, cp = 1/3
	// RS = −0.76 − 4.11 + 16.65 − 23.18 − 16.2 − 1.5567 + 115.79 = 86.6333
	r := ReadabilityOf("ねこが、すき。本をよむ。\nABCとテレビ\n")
	check := func(name string, got, want float64) {
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	if r.Sentences != 3 {
		t.Errorf("Sentences = %d", r.Sentences)
	}
	check("LS", r.LS, 19.0/3)
	check("LA", r.LA, 3)
	check("LH", r.LH, 2.25)
	check("LC", r.LC, 1)
	check("LK", r.LK, 3)
	check("CP", r.CP, 1.0/3)
	check("Score", r.Score, 86.63333333333333)
	if r.AlphaRuns != 1 || r.HiraganaRuns != 4 || r.KanjiRuns != 1 || r.KatakanaRuns != 1 {
		t.Errorf("run counts %+v", r)
	}
	check("Report.Score", Check("x", 1, "ねこが、すき。本をよむ。\nABCとテレビ\n", Config{}).Score, 86.63333333333333)

	// Only hiragana: RS = −0.12·4 + 7.4·3 + 115.79 = 137.51
	check("hiragana", ReadabilityOf("あいう。").Score, 137.51)
	// No text: 0, not the bare constant.
	if r := ReadabilityOf("# \n\n```\nx\n```"); r.Score != 0 || r.Sentences != 0 {
		t.Errorf("empty text: %+v", r)
	}
	// The spaces of 分かち書き do not change the score.
	spaced := ReadabilityOf("わたしは まいにち こうえんを あるきます。").Score
	check("spaced", spaced, ReadabilityOf("わたしはまいにちこうえんをあるきます。").Score)
	// Easy text reads easier than plan prose.
	easy := ReadabilityOf(goodTexts["realistic"]).Score
	hard := ReadabilityOf("本計画は、障害者福祉施策を総合的かつ計画的に推進するため、関係機関と連携し、各種事業を実施するものです。").Score
	if easy <= hard {
		t.Errorf("easy %.1f <= hard %.1f", easy, hard)
	}
}

func TestFindingString(t *testing.T) {
	f := Finding{File: "a.md", Line: 3, Rule: "hard-word", Severity: Error, Message: "m", Suggestion: "s"}
	if got := f.String(); got != "a.md:3: hard-word: m (→ s)" {
		t.Errorf("got %q", got)
	}
	f.Suggestion, f.Line = "", 0
	if got := f.String(); got != "a.md: hard-word: m" {
		t.Errorf("got %q", got)
	}
	if Error.String() != "error" || Warning.String() != "warning" {
		t.Error("Severity.String")
	}
}

func TestHelpers(t *testing.T) {
	reps := []Report{
		Check("a.md", 1, badText, Config{}),
		Check("b.md", 1, goodTexts["plain"], Config{}),
		Check("c.md", 1, "この 施策。", Config{}),
	}
	errs := Errors(reps)
	if len(errs) != 4 || errs[3].File != "c.md" {
		t.Errorf("Errors: %v", errs)
	}
	if n := len(Warnings(reps)); n != 9 { // 8 in badText, 施 and 策 in c.md
		t.Errorf("Warnings: %d", n)
	}
	c := Counts(reps)
	if c[RuleHardWord] != 2 || c[RuleKanjiRatio] != 2 || c[RuleCommas] != 1 {
		t.Errorf("Counts: %v", c)
	}
	if len(RuleNames()) != len(rules) {
		t.Error("RuleNames and rules differ")
	}
	for _, r := range rules {
		found := false
		for _, n := range RuleNames() {
			found = found || n == r.name
		}
		if !found {
			t.Errorf("%s missing from RuleNames", r.name)
		}
	}
}

// TestLongLines checks that unmatched inline syntax repeated over a long
// line is checked whole, without a panic; BenchmarkLongLines measures that
// ten times the text costs about ten times as much (`make bench`), since
// tests assert no times.
func TestLongLines(t *testing.T) {
	for _, c := range []string{"[", "{", "`", "<a", "![", "[^"} {
		res := Check("x", 1, badText+"\n\n"+strings.Repeat(c, 40000), Config{})
		if len(res.Findings) == 0 {
			t.Errorf("%q × 40000: no finding for the bad text before it", c)
		}
	}
}

// BenchmarkLongLines checks 4,000 and 40,000 characters of unmatched
// inline syntax: the second should cost about ten times the first.
func BenchmarkLongLines(b *testing.B) {
	for _, n := range []int{4000, 40000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			text := strings.Repeat("[", n)
			for b.Loop() {
				Check("x", 1, text, Config{})
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	site := map[string]string{"あ": "a", "あい": "b", "い": "c", "う": "d"}
	first := Check("x", 1, badText+"あいう あい う い", Config{HardWords: site}).String()
	for range 20 {
		if got := Check("x", 1, badText+"あいう あい う い", Config{HardWords: site}).String(); got != first {
			t.Fatalf("output differs:\n%s\n---\n%s", first, got)
		}
	}
}

func TestPolitePassive(t *testing.T) {
	yes := map[string]Severity{
		"しりょうを 送らせていただきます":      Error,
		"まどぐちは 9じからと なっております":   Error,
		"みんなで はなしあって おります":      Error,
		"こちらが うけつけで ございます":      Error,
		"よろしく おねがい いたします":       Warning,
		"もうしこみは 市で 受けつけられる":     Warning,
		"けいかくが 実施されます":          Warning,
		"ルールが 定められています":         Warning,
		"この けいかくは 大切だと 位置づけられる": Warning,
	}
	for s, sev := range yes {
		var got []Finding
		for _, f := range Check("x", 1, s+"。", Config{}).Findings {
			if f.Rule == RulePolitePassive {
				got = append(got, f)
			}
		}
		if len(got) != 1 || got[0].Severity != sev || got[0].Suggestion == "" {
			t.Errorf("%s: got %v, want one %s", s, got, sev)
		}
	}
	// The potential of everyday verbs and plain です・ます are fine.
	for _, s := range []string{"さいがいの ときに にげられるように します", "かりられる いえを さがします",
		"まちで くらしつづけられます", "ここで そうだんが できます", "わたしが おくります", "はなしあって います"} {
		for _, f := range Check("x", 1, s+"。", Config{}).Findings {
			t.Errorf("%s: unexpected %s", s, f)
		}
	}
}
