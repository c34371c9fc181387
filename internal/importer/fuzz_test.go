package importer

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// FuzzMeasures maps any tab-separated text without panicking; every
// measure it maps has a title and departments, and its pillar file is
// YAML that holds as many measures.
func FuzzMeasures(f *testing.F) {
	for _, rows := range [][][]string{hardRows, {{"基本施策", "施策名"}, {"1 a", "2 b"}}, {{"1 x\n2 y", "新 z", "{", "a、b"}}} {
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
		f.Add(b.String())
	}
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := readDelimited(s, '\t')
		if err != nil {
			return
		}
		res, err := ReadMeasures(&Table{File: "f.tsv", Rows: rows}, nil)
		if err != nil {
			return
		}
		for _, p := range res.Pillars {
			n := 0
			for _, m := range p.all() {
				n++
				if m.Title == "" || len(m.Departments) == 0 {
					t.Fatalf("measure %+v from %q", m, s)
				}
			}
			data, err := pillarYAML(p)
			if err != nil {
				t.Fatal(err)
			}
			var back struct {
				Measures   []any `yaml:"measures"`
				Directions []struct {
					Measures []any `yaml:"measures"`
				} `yaml:"directions"`
			}
			if err := yaml.Unmarshal(data, &back); err != nil {
				t.Fatalf("%v in\n%s", err, data)
			}
			got := len(back.Measures)
			for _, d := range back.Directions {
				got += len(d.Measures)
			}
			if got != n {
				t.Fatalf("%d measures written, %d read back:\n%s", n, got, data)
			}
		}
	})
}
