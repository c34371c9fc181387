package furigana

import (
	"strings"
	"testing"
)

// TestReadingsInContext checks each kind of context rule on sentences
// written for the test: the annotated output must contain want and must
// not contain bad.
func TestReadingsInContext(t *testing.T) {
	a := New(nil)
	for _, c := range []struct{ in, want, bad string }{
		// の下: もと under an action or abstract noun, した elsewhere.
		{"地域の団体との協力の下、事業を進めます。", "{下|もと}", "{下|した}"},
		{"市の方針の下に事業を行う。", "{下|もと}", ""},
		{"机の下に荷物を置きます。", "{下|した}", "{下|もと}"},
		// A compound read alone and inside a sentence reads the same.
		{"関係する機関への結び付けを行う。", "{結|むす}び{付|つ}け", "づ"},
		{"計画の位置付けを示します。", "{位置付|いちづ}け", ""},
		// Sino-Japanese compounds the dictionary lacks: on readings.
		{"公助の仕組みを整える。", "{公|こう}{助|じょ}", "おおやけ"},
		// 々 after a kanji read alone.
		{"村々をめぐる巡回相談", "{村々|むらむら}", ""},
		// ヶ and ケ go under the counter's ruby.
		{"市内3ヶ所で開きます", "3{ヶ所|かしょ}", ""},
		{"6ケ月ごとに見直す", "6{ケ月|かげつ}", ""},
		// Kanji numerals before counters.
		{"第一期の計画", "{一|いっ}{期|き}", ""},
		{"一泊二日の研修", "{一|いっ}{泊|ぱく}", ""},
		{"年に十回ほど", "{十|じゅっ}{回|かい}", ""},
		{"三本の柱", "{三|さん}{本|ぼん}", ""},
		{"車いす一台を貸し出す", "{一|いち}{台|だい}", "いっ"},
		// 他 before a particle is ほか, その他 stays そのた.
		{"他の市の例を調べる。", "{他|ほか}の", ""},
		{"その他の事業を含む。", "その{他|た}の", ""},
	} {
		got := annotated(a.Annotate(c.in, Mode{All: true}))
		if !strings.Contains(got, c.want) || c.bad != "" && strings.Contains(got, c.bad) {
			t.Errorf("%s:\ngot  %s\nwant %s (and no %q)", c.in, got, c.want, c.bad)
		}
	}
}

// TestPlaceNames checks municipality names from municipalities.tsv inside
// sentences, and that they do not match inside other words.
func TestPlaceNames(t *testing.T) {
	a := New(nil)
	for _, c := range []struct{ in, want string }{
		{"国立市の施設", "{国立|くにたち}{市|し}の"},
		{"国立市民のための講座", "{国立|くにたち}{市民|しみん}"},
		{"国立大学との連携", "{国立|こくりつ}"},
		{"瑞穂町と奥多摩町", "{瑞穂|みずほ}{町|まち}と{奥多摩|おくたま}{町|まち}"},
		{"東京都府中市の福祉", "{府中|ふちゅう}{市|し}"},
		{"横浜市中区の窓口", "{横浜|よこはま}{市|し}{中|なか}{区|く}"},
		{"北海道むかわ町から", "むかわ{町|ちょう}"},
		{"郡山市役所", "{郡山|こおりやま}{市役所|しやくしょ}"},
	} {
		got := annotated(a.Annotate(c.in, Mode{All: true}))
		if !strings.Contains(got, c.want) {
			t.Errorf("%s:\ngot  %s\nwant %s", c.in, got, c.want)
		}
	}
	// The readings dictionary wins over the municipality list.
	b := New(Dictionary{"国立市": "こくりつし"})
	if got := annotated(b.Annotate("国立市の施設", Mode{All: true})); !strings.Contains(got, "こくりつし") {
		t.Errorf("dictionary lost: %s", got)
	}
}

func TestOnLike(t *testing.T) {
	for r, want := range map[string]bool{"こう": true, "じょ": true, "びょう": true, "てん": true, "き": true,
		"おおやけ": false, "すけ": false, "やまい": false, "くに": false, "むら": false} {
		if onLike(r) != want {
			t.Errorf("onLike(%s) = %v", r, !want)
		}
	}
}

func TestNotes(t *testing.T) {
	a := New(Dictionary{"花小金井": "はなこがねい"})
	got := a.Notes("青葉町三丁目と花小金井駅、国立市の公助。本町二丁目。東京都の施設")
	want := []Note{
		{Kind: NotePlace, Word: "青葉町", Reading: "あおばまち"},
		{Kind: NotePlace, Word: "国立市", Reading: "くにたちし", Municipal: true},
		{Kind: NoteSplit, Word: "公助", Reading: "こうじょ"},
		{Kind: NotePlace, Word: "本町", Reading: "ほんちょう"},
	}
	if len(got) != len(want) {
		t.Fatalf("Notes = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("note %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if n := New(nil).Notes("市民協働を進める"); len(n) != 0 {
		t.Errorf("Notes = %+v, want none (協働 is built in)", n)
	}
}
