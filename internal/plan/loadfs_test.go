package plan

import (
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// A site loads from any fs.FS: here a txtar archive, as Hugo's
// integration tests write small sites.
func TestLoadFSFromTxtar(t *testing.T) {
	ar := txtar.Parse([]byte(`
-- content/site.yaml --
city: 小平市
title: 小さな計画
short_title: 計画
period: {from: 2024, to: 2029}
philosophy: [ともに生きるまち]
contact: {department: 障がい者支援課}
-- content/chapters/01-a.md --
---
title: はじめに
---
# 背景

本文です。
-- content/pillars/1-a.yaml --
number: 1
title: 相談
summary: 相談の柱です。
measures:
  - number: 1
    title: 窓口
    description: 窓口を開きます。
    departments: [障がい者支援課]
`))
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	s, err := LoadFS(fsys, "txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Chapters) != 1 || s.Chapters[0].Front.Title != "はじめに" || len(s.Pillars) != 1 || s.Pillars[0].Measures[0].Title != "窓口" {
		t.Errorf("loaded %+v", s)
	}
	delete(fsys, "content/site.yaml")
	if _, err := LoadFS(fsys, "txtar"); err == nil {
		t.Error("a site without site.yaml loaded")
	}
}
