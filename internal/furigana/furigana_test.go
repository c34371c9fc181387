package furigana

import (
	"strings"
	"sync"
	"testing"
)

func annotated(toks []Token) string {
	s, _ := Format(toks, "annotated")
	return s
}

func TestAlign(t *testing.T) {
	for _, c := range []struct{ surface, reading, want string }{
		{"支える", "ささえる", "{支|ささ}える"},
		{"取り組み", "とりくみ", "{取|と}り{組|く}み"},
		{"申し込み", "もうしこみ", "{申|もう}し{込|こ}み"},
		{"申込み", "モウシコミ", "{申込|もうしこ}み"},
		{"行い", "おこない", "{行|おこな}い"},
		{"大きい", "おおきい", "{大|おお}きい"},
		{"生き生き", "いきいき", "{生|い}き{生|い}き"},
		{"人々", "ひとびと", "{人々|ひとびと}"},
		{"ヶ月", "かげつ", "{ヶ月|かげつ}"},
		{"ケ月", "かげつ", "{ケ月|かげつ}"},
		{"霞ヶ関", "かすみがせき", "{霞ヶ関|かすみがせき}"},
		{"アメリカ人", "あめりかじん", "アメリカ{人|じん}"},
		{"ケア会議", "けあかいぎ", "ケア{会議|かいぎ}"},
		{"お知らせ", "おしらせ", "お{知|し}らせ"},
		{"障がい", "しょうがい", "{障|しょう}がい"},
		{"ひらがな", "ひらがな", "ひらがな"},
		{"支える", "たすける", "支える"}, // reading does not fit: no ruby
		{"支える", "", "支える"},
		{"支える", "abc", "支える"},
	} {
		if got := annotated(align(c.surface, c.reading)); got != c.want {
			t.Errorf("align(%q, %q) = %s, want %s", c.surface, c.reading, got, c.want)
		}
	}
}

func TestParseMode(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Mode
	}{{"none", Mode{}}, {"all", Mode{All: true}}, {"grade:1", Mode{Grade: 1}}, {"grade:6", Mode{Grade: 6}}} {
		got, err := ParseMode(c.in)
		if err != nil || got != c.want || got.String() != c.in {
			t.Errorf("ParseMode(%q) = %v, %v (String %q)", c.in, got, err, got.String())
		}
	}
	for _, bad := range []string{"", "All", "grade:0", "grade:7", "grade:", "grade:x", "some"} {
		if _, err := ParseMode(bad); err == nil {
			t.Errorf("ParseMode(%q): no error", bad)
		}
	}
}

var testAnnotator = New(siteDict)

func TestModes(t *testing.T) {
	a := testAnnotator
	text := "小平市の障がい者福祉計画を進めます。"
	for _, c := range []struct {
		m    Mode
		want string
	}{
		{Mode{}, "小平市の障がい者福祉計画を進めます。"},
		{Mode{All: true}, "{小平|こだいら}{市|し}の{障|しょう}がい{者|しゃ}{福祉|ふくし}{計画|けいかく}を{進|すす}めます。"},
		// 障 is grade 6, 祉 not taught: grade:6 keeps only 福祉.
		{Mode{Grade: 6}, "小平市の障がい者{福祉|ふくし}計画を進めます。"},
		// grade:2: 小 市 計 画 are taught by grade 2; 平 者 進 (3) are not.
		{Mode{Grade: 2}, "{小平|こだいら}市の{障|しょう}がい{者|しゃ}{福祉|ふくし}計画を{進|すす}めます。"},
	} {
		toks := a.Annotate(text, c.m)
		if got := annotated(toks); got != c.want {
			t.Errorf("%v: got  %s\nwant %s", c.m, got, c.want)
		}
		checkTokens(t, text, toks)
	}
	// 々 counts as the kanji it repeats.
	if got := annotated(a.Annotate("人々", Mode{Grade: 1})); got != "人々" {
		t.Errorf("人々 grade:1 = %s", got)
	}
}

func TestCounters(t *testing.T) {
	a := testAnnotator
	for _, c := range []struct{ in, want string }{
		{"1人", "{1人|ひとり}"},
		{"2人", "{2人|ふたり}"},
		{"3人", "3{人|にん}"},
		{"18人", "18{人|にん}"},
		{"1,000人", "1,000{人|にん}"},
		{"3日", "{3日|みっか}"},
		{"14日", "{14日|じゅうよっか}"},
		{"20日", "{20日|はつか}"},
		{"1日", "1{日|にち}"},
		{"4月1日", "4{月|がつ}{1日|ついたち}"},
		{"年3回", "{年|ねん}3{回|かい}"},
		{"第2章", "{第|だい}2{章|しょう}"},
		{"3本", "3{本|ぼん}"},
		{"10分", "10{分|ぷん}"},
		{"5分", "5{分|ふん}"},
		{"5か所", "5か{所|しょ}"},
		{"7日間", "{7日間|なのかかん}"},
		{"平成30年度", "{平成|へいせい}30{年度|ねんど}"},
		{"令和元年", "{令和|れいわ}{元年|がんねん}"},
		{"令和元年度", "{令和|れいわ}{元|がん}{年度|ねんど}"},
		{"3.5日", "3.5{日|にち}"},
		{"12345678901234567890人", "12345678901234567890{人|にん}"},
	} {
		toks := a.Annotate(c.in, Mode{All: true})
		if got := annotated(toks); got != c.want {
			t.Errorf("%s: got %s, want %s", c.in, got, c.want)
		}
		checkTokens(t, c.in, toks)
	}
}

func TestNumberParts(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
		last int
	}{
		{1, "いち", 1}, {10, "じゅう", 10}, {18, "じゅうはち", 8}, {300, "さんびゃく", 100},
		{2024, "にせんにじゅうよん", 4}, {8000, "はっせん", 1000}, {50000, "ごまん", 10000},
		{1_2345_6789, "いちおくにせんさんびゃくよんじゅうごまんろくせんななひゃくはちじゅうきゅう", 9},
	} {
		parts, last := numberParts(c.n)
		if got := strings.Join(parts, ""); got != c.want || last != c.last {
			t.Errorf("numberParts(%d) = %s, %d; want %s, %d", c.n, got, last, c.want, c.last)
		}
	}
}

func TestDictionaryWins(t *testing.T) {
	a := New(Dictionary{"町": "ちょう", "花小金井": "ハナコガネイ", "": "x", "空": "not kana"})
	got := annotated(a.Annotate("花小金井の町", Mode{All: true}))
	if want := "{花小金井|はなこがねい}の{町|ちょう}"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestUnknown(t *testing.T) {
	a := New(nil)
	saved := builtin
	builtin = Dictionary{}
	bare := New(nil)
	builtin = saved
	if got := bare.Unknown("市民協働を進める"); len(got) != 1 || got[0] != "協働" {
		t.Errorf("Unknown without built-in list = %q, want [協働]", got)
	}
	if got := a.Unknown("市民協働を進める"); len(got) != 0 {
		t.Errorf("Unknown = %q, want none (協働 is built in)", got)
	}
	// Counters after numbers and words the analyzer reads (IPA knows ４月 as
	// one word, so 月 has no reading of its own) are not unknown.
	if got := a.Unknown("2024年4月から民間の事業者にも3日間"); len(got) != 0 {
		t.Errorf("Unknown = %q, want none (counters and known words)", got)
	}
	if got := a.Unknown("ひらがなだけ"); got != nil {
		t.Errorf("Unknown(kana) = %q", got)
	}
}

func TestFormat(t *testing.T) {
	toks := []Token{{Text: "支", Reading: "ささ"}, {Text: "える"}}
	for f, want := range map[string]string{"text": "支(ささ)える", "annotated": "{支|ささ}える", "plain": "支える"} {
		if got, err := Format(toks, f); err != nil || got != want {
			t.Errorf("Format %s = %q, %v", f, got, err)
		}
	}
	if _, err := Format(toks, "html"); err == nil {
		t.Error("Format html: no error")
	}
	if _, err := Format(nil, "html"); err == nil {
		t.Error("Format html of nothing: no error")
	}
}

func TestEdgeCases(t *testing.T) {
	a := testAnnotator
	for _, s := range []string{"", " ", "abc", "123", "漢", "\n\n支える\n", "ＡＢＣ漢字", "𠮷野家", "１２３人", "、。", "3,", ",3人", "第", "年"} {
		checkTokens(t, s, a.Annotate(s, Mode{All: true}))
		checkTokens(t, s, a.Annotate(s, Mode{Grade: 3}))
		a.Unknown(s)
	}
	if a.Annotate("", Mode{All: true}) != nil {
		t.Error("Annotate(\"\") != nil")
	}
}

func TestConcurrent(t *testing.T) {
	a := New(siteDict)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				toks := a.Annotate(prose, Mode{All: true})
				checkTokens(t, prose, toks)
			}
		})
	}
	wg.Wait()
}

// checkTokens checks the invariants: the tokens give back the text, no
// empty tokens, no two plain tokens in a row, ruby only over kanji.
func checkTokens(t testing.TB, text string, toks []Token) {
	t.Helper()
	var b strings.Builder
	for i, tok := range toks {
		b.WriteString(tok.Text)
		if tok.Text == "" {
			t.Errorf("%q: empty token %d", text, i)
		}
		if i > 0 && tok.Reading == "" && toks[i-1].Reading == "" {
			t.Errorf("%q: plain tokens %d and %d not merged", text, i-1, i)
		}
		if tok.Reading != "" && (!hasKanji(tok.Text) || !isReading(tok.Reading)) {
			t.Errorf("%q: bad ruby %+v", text, tok)
		}
	}
	if b.String() != text {
		t.Errorf("tokens give %q, want %q", b.String(), text)
	}
}

func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{"支える", "障がい者の1人暮らし", "令和6年度に3か所", "4月1日", "1,000人", "人々", "ａ漢ｂ", "\x00漢", "3ヶ月", "第"} {
		f.Add(s)
	}
	a := New(siteDict)
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, a.Annotate(s, Mode{All: true}))
		checkTokens(t, s, a.Annotate(s, Mode{Grade: 4}))
	})
}
