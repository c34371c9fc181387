package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// previewSite is a copy of the sample built the way `plansite serve`
// builds it on every save: in a session told what changed, without the
// search index and the downloads.
type previewSite struct {
	t       *testing.T
	root    string
	opts    Options
	changed []string // the files changed since the last save, as the watcher tells them
}

func newPreviewSite(t *testing.T) *previewSite {
	root := copySample(t)
	return &previewSite{t: t, root: root, opts: Options{
		Root: root, Dest: filepath.Join(t.TempDir(), "public"), Minify: true,
		CacheDir: t.TempDir(), NoBundles: true, NoSearch: true, Session: &Session{},
	}}
}

// save is a save in the preview: the build that follows it.
func (p *previewSite) save() (Stats, error) {
	p.opts.Session.Changed(p.changed, false)
	p.changed = nil
	return Build(p.opts)
}

// path is the file name of the content folder, and is recorded as
// changed.
func (p *previewSite) path(name string) string {
	f := filepath.Join(p.root, "content", filepath.FromSlash(name))
	p.changed = append(p.changed, f)
	return f
}

// mustSave is save, failing the test on an error.
func (p *previewSite) mustSave() Stats {
	p.t.Helper()
	st, err := p.save()
	if err != nil {
		p.t.Fatal(err)
	}
	return st
}

// edit replaces old by new in the content file name.
func (p *previewSite) edit(name, old, new string) {
	p.t.Helper()
	f := p.path(name)
	data, err := os.ReadFile(f)
	if err != nil || !bytes.Contains(data, []byte(old)) {
		p.t.Fatalf("%s lacks %q (%v)", name, old, err)
	}
	if err := os.WriteFile(f, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// sameAsBuild checks that the preview's output is, file for file and byte
// for byte, what a build from scratch with the same options writes.
func (p *previewSite) sameAsBuild(what string) map[string][]byte {
	p.t.Helper()
	opts := p.opts
	opts.Session, opts.CacheDir = nil, ""
	opts.Dest = filepath.Join(p.t.TempDir(), "public")
	if _, err := Build(opts); err != nil {
		p.t.Fatal(err)
	}
	got := readTree(p.t, p.opts.Dest)
	sameTrees(p.t, readTree(p.t, opts.Dest), got, "a build from scratch after "+what)
	return got
}

// Every kind of edit in the preview gives the bytes of a build from
// scratch: a chapter's body, its title (menus and neighbours), its order,
// a measure's department (the departments index), a chapter added and
// removed again. Unchanged pages are left in place, and nothing is left beside
// the output.
func TestPreviewEditsMatchBuild(t *testing.T) {
	p := newPreviewSite(t)
	p.mustSave()
	before := inodes(t, p.opts.Dest)

	p.edit("chapters/02-genjou.md", "ここ数年はほぼ横ばいです。", "ここ数年は少し増えています。")
	if st := p.mustSave(); st.Pages-st.Carried != 2 {
		t.Errorf("an edit of a chapter's body rendered %d pages, want its 2", st.Pages-st.Carried)
	}
	p.sameAsBuild("a body edit")
	after := inodes(t, p.opts.Dest)
	if os.SameFile(before["chapters/02-genjou.html"], after["chapters/02-genjou.html"]) {
		t.Error("the edited chapter's page was not written")
	}
	if !os.SameFile(before["chapters/01-hajimeni.html"], after["chapters/01-hajimeni.html"]) {
		t.Error("an unchanged page was written again")
	}

	p.edit("chapters/02-genjou.md", "title: ", "title: 新しい")
	out := p.saved("a title edit")
	if !bytes.Contains(out["chapters/01-hajimeni.html"], []byte("新しい")) {
		t.Error("the neighbour of a retitled chapter does not show its new title")
	}

	p.edit("chapters/04-suishin.md", "weight: 4", "weight: 0")
	p.saved("a new order")

	p.edit("pillars/1-soudan.yaml", "departments: [障がい者支援課, 社会福祉協議会]", "departments: [障がい者支援課, 新設の相談課]")
	out = p.saved("a department edit")
	if !bytes.Contains(out["departments.html"], []byte("新設の相談課")) {
		t.Error("the departments index lacks a new department")
	}

	p.write("chapters/05-shinki.md", "---\ntitle: 新しい章\nweight: 9\n---\n\n# 新しい節\n\n新しい本文です。\n")
	out = p.saved("a chapter added")
	if !bytes.Contains(out["index.html"], []byte("05-shinki.html")) {
		t.Error("the home page does not list the added chapter")
	}

	if err := os.Remove(p.path("chapters/05-shinki.md")); err != nil {
		t.Fatal(err)
	}
	out = p.saved("a chapter removed")
	for name, data := range out {
		if strings.Contains(name, "05-shinki") || bytes.Contains(data, []byte("05-shinki.html")) {
			t.Errorf("%s: the removed chapter is still there or linked", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(p.opts.Dest))
	if len(entries) != 1 {
		t.Errorf("left beside the output: %d entries", len(entries))
	}
}

// saved saves, then checks the output against a build from scratch and
// returns it.
func (p *previewSite) saved(what string) map[string][]byte {
	p.t.Helper()
	p.mustSave()
	return p.sameAsBuild(what)
}

// write writes the content file name.
func (p *previewSite) write(name, text string) {
	p.t.Helper()
	if err := os.WriteFile(p.path(name), []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// A broken save leaves the preview's output as it was, byte for byte; the
// next good save gives the bytes of a build from scratch. The search
// index and the downloads, made on demand by a whole build in the same
// session, are those of a build from scratch too.
func TestPreviewBrokenSaveRecovers(t *testing.T) {
	p := newPreviewSite(t)
	p.mustSave()
	p.edit("chapters/02-genjou.md", "ここ数年はほぼ横ばいです。", "ここ数年は少し増えています。")
	good := p.saved("a body edit")

	for _, broken := range []struct{ file, old, new string }{
		{"chapters/02-genjou.md", "title: ", "title: [閉じない"},
		{"chapters/01-hajimeni.md", "---\n", "---\n\x00"},
		{"pillars/1-soudan.yaml", "departments: [障がい者支援課]", "departments: [障がい者支援課"},
		{"chapters/02-genjou.md", "ここ数年は少し増えています。", "[壊れたリンク](nowhere.md)"},
	} {
		orig, err := os.ReadFile(p.path(broken.file))
		if err != nil {
			t.Fatal(err)
		}
		p.edit(broken.file, broken.old, broken.new)
		if _, err := p.save(); err == nil || !strings.Contains(err.Error(), broken.file) {
			t.Fatalf("%s broken: error %v, want one naming the file", broken.file, err)
		}
		sameTrees(t, good, readTree(t, p.opts.Dest), "the last good output, after a broken save of "+broken.file)
		if err := os.WriteFile(p.path(broken.file), orig, 0o644); err != nil {
			t.Fatal(err)
		}
		p.saved("the fix of " + broken.file)
	}

	whole := p.opts
	whole.NoBundles, whole.NoSearch = false, false
	if _, err := Build(whole); err != nil {
		t.Fatal(err)
	}
	scratch := whole
	scratch.Session, scratch.CacheDir = nil, ""
	scratch.Dest = filepath.Join(t.TempDir(), "public")
	if _, err := Build(scratch); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, readTree(t, scratch.Dest), readTree(t, whole.Dest), "a whole build from scratch")
	p.edit("chapters/02-genjou.md", "少し増えて", "大きく増えて")
	p.saved("a save after a whole build")
}
