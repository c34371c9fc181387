package site

// labels are the fixed words of the interface in each variant. Easy labels
// use everyday words; both get furigana like any other text.
var labels = map[string][2]string{
	"home":         {"ホーム", "はじめの ページ"},
	"measures":     {"施策の一覧", "とりくみの 一覧"},
	"departments":  {"担当課別の施策", "市の 係ごとの とりくみ"},
	"glossary":     {"用語集", "ことばの せつめい"},
	"contact":      {"お問い合わせ", "といあわせ"},
	"policy":       {"ウェブアクセシビリティ方針", "だれでも 読める ページに する きまり"},
	"results":      {"アクセシビリティ試験結果", "読みやすさを しらべた 結果"},
	"notfound":     {"ページが見つかりません", "ページが 見つかりません"},
	"philosophy":   {"基本理念", "計画の 大切な 考え"},
	"policies":     {"基本方針", "計画の すすめかた"},
	"pillars":      {"施策の柱", "とりくみの 柱"},
	"chapters":     {"計画書の本文", "計画の 本文"},
	"period":       {"計画期間", "計画の 期間"},
	"pillar":       {"基本施策", "柱"},
	"direction":    {"施策の方向", "とりくみの むき"},
	"measure":      {"施策", "とりくみ"},
	"depts":        {"担当課", "担当する 市の 係"},
	"status":       {"区分", "ようす"},
	"targets":      {"数値目標", "目標の 数"},
	"indicator":    {"指標", "しらべる こと"},
	"baseline":     {"現状", "いま"},
	"goal":         {"目標", "目標"},
	"pageterms":    {"このページのことば", "このページの ことば"},
	"toc":          {"このページの目次", "このページの 中身"},
	"notyet":       {"この部分のわかりやすい版はまだありません。くわしい版の文章を表示しています。", "ここは まだ わかりやすく 書きなおして いません。"},
	"breadcrumb":   {"現在位置", "いま いる 場所"},
	"menu":         {"サイト内の案内", "ページの 案内"},
	"新規":           {"新規", "あたらしい"},
	"拡充":           {"拡充", "もっと ひろげる"},
	"継続":           {"継続", "つづける"},
	"pager":        {"前後の章", "まえと つぎの 章"},
	"skip":         {"本文へ移動", "本文へ とぶ"},
	"number":       {"番号", "番号"},
	"title":        {"施策名", "とりくみの 名前"},
	"count":        {"施策の数", "とりくみの 数"},
	"glossaryterm": {"ことば", "ことば"},
	"reading":      {"読み", "読みかた"},
	"explanation":  {"説明", "せつめい"},
}

// label returns the interface word key in variant v.
func label(key string, v Variant) string {
	l, ok := labels[key]
	if !ok {
		return key
	}
	return l[v]
}
