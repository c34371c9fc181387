package kanji

import "testing"

func TestGradeCounts(t *testing.T) {
	want := []int{0, 80, 160, 200, 202, 193, 191}
	got := make([]int, 7)
	for r, g := range grades {
		if g < 1 || g > 6 {
			t.Fatalf("grade %d for %q", g, r)
		}
		if !Is(r) {
			t.Errorf("%q in the grade table is not a kanji", r)
		}
		got[g]++
	}
	total := 0
	for g := 1; g <= 6; g++ {
		total += got[g]
		if got[g] != want[g] {
			t.Errorf("grade %d: %d kanji, want %d", g, got[g], want[g])
		}
	}
	if total != 1026 {
		t.Errorf("total %d, want 1026", total)
	}
}

func TestGrade(t *testing.T) {
	for _, c := range []struct {
		r rune
		g int
	}{
		{'一', 1}, {'町', 1}, {'人', 1}, {'市', 2}, {'会', 2}, {'福', 3}, {'者', 3},
		{'協', 4}, {'働', 4}, {'岡', 4}, {'茨', 4}, {'支', 5}, {'援', 0}, {'障', 6},
		{'害', 4}, {'域', 6}, {'祉', 0}, {'々', 0}, {'あ', 0}, {'ア', 0}, {'1', 0},
		{'後', 2}, {'見', 1}, {'制', 5}, {'度', 3}, {'課', 4}, {'担', 6}, {'当', 2},
	} {
		if got := Grade(c.r); got != c.g {
			t.Errorf("Grade(%q) = %d, want %d", c.r, got, c.g)
		}
	}
}

func TestIs(t *testing.T) {
	for _, r := range "漢字々〆〇障𠮷﨑" {
		if !Is(r) {
			t.Errorf("Is(%q) = false", r)
		}
	}
	for _, r := range "あアーヶ1１aＡ、。・（" {
		if Is(r) {
			t.Errorf("Is(%q) = true", r)
		}
	}
	if !IsIterationMark('々') || IsIterationMark('人') {
		t.Error("IsIterationMark")
	}
}

func TestIsKana(t *testing.T) {
	for _, r := range "ぁゖァヺーゝゞヽヾこだいらコダイラ" {
		if !IsKana(r) {
			t.Errorf("IsKana(%q) = false", r)
		}
	}
	for _, r := range "小a1ｱ・ 　" {
		if IsKana(r) {
			t.Errorf("IsKana(%q) = true", r)
		}
	}
}
