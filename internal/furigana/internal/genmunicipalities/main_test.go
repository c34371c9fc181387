package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestHiragana(t *testing.T) {
	for in, want := range map[string]string{"ｻｯﾎﾟﾛｼ": "さっぽろし", "ﾆｼﾀﾏｸﾞﾝﾐｽﾞﾎﾏﾁ": "にしたまぐんみずほまち", "ｳﾞ": "ゔ"} {
		if got := hiragana(in); got != want {
			t.Errorf("hiragana(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestReadings(t *testing.T) {
	city := map[string][2]string{
		"1": {"西多摩郡瑞穂町", "ﾆｼﾀﾏｸﾞﾝﾐｽﾞﾎﾏﾁ"},
		"2": {"北群馬郡榛東村", "ｷﾀｸﾞﾝﾏｸﾞﾝｼﾝﾄｳﾑﾗ"}, // ぐん inside the county's name
		"3": {"赤穂郡上郡町", "ｱｺｳｸﾞﾝｶﾐｺﾞｵﾘﾁｮｳ"},  // 郡 inside the town's name
		"4": {"郡山市", "ｺｵﾘﾔﾏｼ"},              // a city, no county
		"5": {"札幌市中央区", "ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ"},     // wards give city and ward
		"6": {"札幌市北区", "ｻｯﾎﾟﾛｼｷﾀｸ"},
		"7": {"三宅島三宅村", "ﾐﾔｹｼﾞﾏﾐﾔｹﾑﾗ"},  // island prefix
		"8": {"児玉郡美里町", "ｺﾀﾞﾏｸﾞﾝﾐｻﾄﾏﾁ"}, // read two ways: dropped
		"9": {"熊本郡美里町", "ｸﾏﾓﾄｸﾞﾝﾐｻﾄﾁｮｳ"},
		"a": {"勇払郡むかわ町", "ﾕｳﾌﾂｸﾞﾝﾑｶﾜﾁｮｳ"}, // a name in kana
	}
	names, dropped := readings(city)
	want := map[string]string{"瑞穂町": "みずほまち", "榛東村": "しんとうむら", "上郡町": "かみごおりちょう",
		"郡山市": "こおりやまし", "札幌市": "さっぽろし", "中央区": "ちゅうおうく", "北区": "きたく", "三宅村": "みやけむら",
		"むかわ町": "むかわちょう"} // まち or ちょう even after kana
	if len(names) != len(want) {
		t.Errorf("got %v", names)
	}
	for k, v := range want {
		if names[k] != v {
			t.Errorf("%s = %q, want %q", k, names[k], v)
		}
	}
	if len(dropped) != 1 || dropped[0] != "美里町" {
		t.Errorf("dropped = %v", dropped)
	}
	var out bytes.Buffer
	if err := write(&out, names, dropped); err != nil || !strings.Contains(out.String(), "\n瑞穂町\tみずほまち\n") ||
		!strings.Contains(out.String(), "MIT licence") {
		t.Errorf("write: %v\n%s", err, out.String())
	}
}
