package furigana

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ikawaha/kagome-dict/uni"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// uniSystem reads UniDic tokens. UniDic in kagome has no surface reading
// (Reading() is empty): the lemma reading (lForm, e.g. コウエン) has the right
// kana but belongs to the lemma; the pronunciation (pron, コーエン) belongs to
// the surface but writes long vowels with ー. The reading is the lemma
// reading where it lines up with the pronunciation, the pronunciation's
// inflected tail after that, and long vowels guessed otherwise.
//
// It lives in a test file so that the 45 MB UniDic dictionary is not linked
// into plansite; it is measured by TestAccuracyUniDic.
var uniSystem = &system{name: "unidic", dict: uni.Dict, reading: func(t tokenizer.Token) string {
	f := t.Features()
	if len(f) < 12 {
		return ""
	}
	lform, orth, pron, orthBase, pronBase := f[6], f[8], f[9], f[10], f[11]
	if pron == "*" || pron == "" {
		return ""
	}
	if orth == orthBase && compatible(lform, pron) {
		return lform
	}
	if compatible(lform, pronBase) {
		lf, pr, pb := []rune(lform), []rune(pron), []rune(pronBase)
		p := 0
		for p < len(pr) && p < len(pb) && pr[p] == pb[p] {
			p++
		}
		return string(lf[:p]) + restoreLong(string(pr[p:]))
	}
	return restoreLong(pron)
}}

// compatible reports whether kana k spells the pronunciation p: the same
// length, equal except where p has ー or spells ヅ ヂ ヲ as ズ ジ オ.
func compatible(k, p string) bool {
	kr, pr := []rune(k), []rune(p)
	if len(kr) != len(pr) {
		return false
	}
	for i := range kr {
		if kr[i] != pr[i] && pr[i] != 'ー' && !(kr[i] == 'ヅ' && pr[i] == 'ズ') && !(kr[i] == 'ヂ' && pr[i] == 'ジ') && !(kr[i] == 'ヲ' && pr[i] == 'オ') {
			return false
		}
	}
	return true
}

// restoreLong spells ー as a kana: う after o-row, い after e-row, else the
// vowel itself.
func restoreLong(p string) string {
	if !strings.ContainsRune(p, 'ー') {
		return p
	}
	r := []rune(toHiragana(p))
	for i := 1; i < len(r); i++ {
		if r[i] != 'ー' {
			continue
		}
		switch vowel(r[i-1]) {
		case 'o':
			r[i] = 'う'
		case 'e':
			r[i] = 'い'
		case 'a':
			r[i] = 'あ'
		case 'i':
			r[i] = 'い'
		case 'u':
			r[i] = 'う'
		}
	}
	return string(r)
}

func vowel(r rune) rune {
	for _, row := range []struct {
		v    rune
		kana string
	}{
		{'a', "あかさたなはまやらわがざだばぱぁゃゎ"},
		{'i', "いきしちにひみりぎじぢびぴぃ"},
		{'u', "うくすつぬふむゆるぐずづぶぷぅゅっ"},
		{'e', "えけせてねへめれげぜでべぺぇ"},
		{'o', "おこそとのほもよろをごぞどぼぽぉょ"},
	} {
		if strings.ContainsRune(row.kana, r) {
			return row.v
		}
	}
	return 0
}

// TestAccuracyUniDic measures UniDic on the test set with the built-in
// readings and without. It needs about 0.8 GB: set PLANSITE_UNIDIC=1.
func TestAccuracyUniDic(t *testing.T) {
	if os.Getenv("PLANSITE_UNIDIC") == "" {
		t.Skip("set PLANSITE_UNIDIC=1 to measure UniDic (needs ~0.8 GB)")
	}
	start := time.Now()
	uni.Dict()
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	t.Logf("unidic: load %v, heap in use %d MB", time.Since(start).Round(time.Millisecond), ms.HeapInuse>>20)
	accuracy(t, newWith(siteDict, uniSystem))
	saved := builtin
	builtin = Dictionary{}
	defer func() { builtin = saved }()
	accuracy(t, newWith(siteDict, uniSystem))
}
