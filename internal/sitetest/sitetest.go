// Package sitetest holds helpers for tests that build small sites, as
// Hugo's integration tests do: a site is written as a txtar archive.
package sitetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Write writes the files of a txtar archive into a new temporary folder
// and returns the folder.
func Write(t testing.TB, archive string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// Hostile is a small site whose file names and base_url carry characters
// that break URLs and XML when they are not escaped.
const Hostile = `
-- content/site.yaml --
city: 小平市
title: テスト計画
short_title: テスト
period: {from: 2024, to: 2029}
philosophy: [ともに生きる]
base_url: https://example.jp/a&b/
-- content/chapters/01-a.md --
---
title: はじめに
---
# 資料

[計画書](<files/計画書 %232.pdf>)

[表](files/a&b%22c%3Cd%3E.csv)
-- content/chapters/files/計画書 #2.pdf --
pdf
-- content/chapters/files/a&b"c<d>.csv --
csv
`
