package furigana

import (
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	in := os.Getenv("DBG")
	if in == "" {
		t.Skip()
	}
	tk := New(nil).tokenizer()
	for _, s := range strings.Split(in, "/") {
		for _, tok := range tk.Tokenize(s) {
			r, _ := tok.Reading()
			t.Logf("%s\t%s\t%v\t%v", tok.Surface, r, tok.POS(), tok.Class)
		}
		t.Log("--")
	}
}

func TestZZUnknownAll(t *testing.T) {
	files := os.Getenv("DBGFILES")
	if files == "" {
		t.Skip()
	}
	saved := builtin
	builtin = Dictionary{}
	a := New(nil)
	builtin = saved
	seen := map[string]bool{}
	for _, f := range strings.Fields(files) {
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(b), "\n") {
			for _, w := range a.Unknown(line) {
				if !seen[w] {
					seen[w] = true
					t.Logf("%s: %s", f, w)
				}
			}
		}
	}
}
