package markdown

import "strings"

// fakeAnn reads 漢字 as かんじ, 相談 as そうだん and 計画 as けいかく.
type fakeAnn struct{}

var fakeReadings = map[string]string{"漢字": "かんじ", "相談": "そうだん", "計画": "けいかく"}

func (fakeAnn) Annotate(s string) []Ruby {
	var out []Ruby
	plain := 0
	for i := 0; i < len(s); {
		word := ""
		for w := range fakeReadings {
			if strings.HasPrefix(s[i:], w) {
				word = w
			}
		}
		if word == "" {
			i++
			continue
		}
		if plain < i {
			out = append(out, Ruby{Base: s[plain:i]})
		}
		out = append(out, Ruby{Base: word, Reading: fakeReadings[word]})
		i += len(word)
		plain = i
	}
	if plain < len(s) {
		out = append(out, Ruby{Base: s[plain:]})
	}
	return out
}
