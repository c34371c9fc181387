package render

import (
	"testing"

	"github.com/plansite/plansite/internal/plan"
)

func TestGojuonOrderAndRows(t *testing.T) {
	terms := []*plan.Term{
		{Term: "ICT", Reading: ""},
		{Term: "ジョブコーチ", Reading: "じょぶこーち"},
		{Term: "相談支援", Reading: "そうだんしえん"},
		{Term: "グループホーム"},
		{Term: "意思疎通支援", Reading: "いしそつうしえん"},
		{Term: "ワークショップ", Reading: "ワークショップ"},
		{Term: "やさしい日本語", Reading: "やさしいにほんご"},
	}
	var got []string
	var rows []string
	for _, term := range gojuonOrder(terms) {
		got = append(got, term.Term)
		rows = append(rows, kanaRow(sortKey(term)))
	}
	want := []string{"意思疎通支援", "グループホーム", "ジョブコーチ", "相談支援", "やさしい日本語", "ワークショップ", "ICT"}
	wantRows := []string{"あ", "か", "さ", "さ", "や", "わ", otherRow}
	for i := range want {
		if got[i] != want[i] || rows[i] != wantRows[i] {
			t.Fatalf("order %v rows %v, want %v %v", got, rows, want, wantRows)
		}
	}
	if rowID("か") != "kana-ka" || rowID(otherRow) != "kana-other" {
		t.Errorf("row ids: %s %s", rowID("か"), rowID(otherRow))
	}
	if hasKanji("グループホーム") || !hasKanji("相談支援") {
		t.Error("hasKanji")
	}
}
