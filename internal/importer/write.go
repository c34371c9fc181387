package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// pillarsDir is where pillar files live, relative to the site folder.
const pillarsDir = "content/pillars"

// WriteMeasures writes one pillar file per pillar under root's
// content/pillars, and a starter content/site.yaml when there is none.
// A pillar file that exists (by path, or another file with the same pillar
// number) is replaced only with force; otherwise nothing is written. It
// returns the paths written, relative to root.
func WriteMeasures(res *Measures, root string, force bool) ([]string, error) {
	existing, err := pillarFiles(root)
	if err != nil {
		return nil, err
	}
	type out struct {
		path string
		data []byte
	}
	var files []out
	var refused []string
	for _, p := range res.Pillars {
		path, ok := existing[p.Number]
		if !ok {
			path = filepath.ToSlash(filepath.Join(pillarsDir, strconv.Itoa(p.Number)+".yaml"))
		} else if !force {
			refused = append(refused, fmt.Sprintf("%s exists (pillar %d)", path, p.Number))
		}
		data, err := pillarYAML(p)
		if err != nil {
			return nil, err
		}
		files = append(files, out{path, data})
	}
	if len(refused) > 0 {
		return nil, fmt.Errorf("not written, nothing changed: %s; use --force to replace", strings.Join(refused, "; "))
	}
	if _, err := os.Stat(filepath.Join(root, "content", "site.yaml")); os.IsNotExist(err) {
		files = append(files, out{"content/site.yaml", []byte(starterSite)})
	}
	var written []string
	for _, f := range files {
		full := filepath.Join(root, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return written, err
		}
		if err := os.WriteFile(full, f.data, 0o644); err != nil {
			return written, err
		}
		written = append(written, f.path)
	}
	return written, nil
}

// starterSite is the site.yaml written next to imported pillars when the
// site has none, so that the site builds at once; its texts are for the
// author to replace.
const starterSite = `# Written by plansite import: replace these with the plan's own.
city: 市
title: 計画
short_title: 計画
period: {from: 2024, to: 2029}
philosophy:
  - 基本理念をここに書きます
contact: {department: 担当課}
`

// pillarFiles maps the numbers of the existing pillar files to their paths.
func pillarFiles(root string) (map[int]string, error) {
	out := map[int]string{}
	matches, err := filepath.Glob(filepath.Join(root, "content", "pillars", "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(matches)
	for _, m := range matches {
		data, err := os.ReadFile(m)
		if err != nil {
			return nil, err
		}
		var head struct {
			Number int `yaml:"number"`
		}
		if yaml.Unmarshal(data, &head) == nil && head.Number > 0 {
			out[head.Number] = filepath.ToSlash(filepath.Join(pillarsDir, filepath.Base(m)))
		}
	}
	return out, nil
}

// pillarYAML writes a pillar in the content format.
func pillarYAML(p *Pillar) ([]byte, error) {
	doc := mapping("number", intNode(p.Number), "title", text(p.Title))
	if len(p.Directions) > 0 {
		dirs := seq()
		for _, d := range p.Directions {
			dirs.Content = append(dirs.Content, mapping("number", intNode(d.Number), "title", text(d.Title), "measures", measuresNode(d.Measures)))
		}
		doc.Content = append(doc.Content, str("directions"), dirs)
	} else {
		doc.Content = append(doc.Content, str("measures"), measuresNode(p.Measures))
	}
	var buf bytes.Buffer
	buf.WriteString("# Imported by plansite import measures.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

func measuresNode(ms []*Measure) *yaml.Node {
	out := seq()
	for _, m := range ms {
		num := intNode(m.Number)
		if m.New {
			num = str(newMark)
		}
		depts := seq()
		depts.Style = yaml.FlowStyle
		for _, d := range m.Departments {
			depts.Content = append(depts.Content, str(d))
		}
		out.Content = append(out.Content, mapping(
			"number", num,
			"title", text(m.Title),
			"description", text(m.Description),
			"departments", depts))
	}
	return out
}

func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Content = append(n.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return n
}

func seq() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func intNode(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

// text is a Markdown text field: braces escaped, several paragraphs as a
// literal block.
func text(s string) *yaml.Node {
	n := str(escapeMarkdown(s))
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}
