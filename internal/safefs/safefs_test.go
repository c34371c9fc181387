package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// site makes root/site with a file, a folder and links, and a secret
// file beside it, outside the site.
func site(t testing.TB) (root, secret string) {
	t.Helper()
	dir := t.TempDir()
	root = filepath.Join(dir, "site")
	secret = filepath.Join(dir, "secret.txt")
	must(t, os.MkdirAll(filepath.Join(root, "content", "chapters"), 0o755))
	must(t, os.WriteFile(secret, []byte("secret"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "content", "a.md"), []byte("hello"), 0o644))
	must(t, os.Symlink("a.md", filepath.Join(root, "content", "inside.md")))
	must(t, os.Symlink(secret, filepath.Join(root, "content", "shadow.pdf")))
	must(t, os.Symlink("../../secret.txt", filepath.Join(root, "content", "rel.pdf")))
	must(t, os.Symlink(dir, filepath.Join(root, "content", "up")))
	must(t, os.Symlink("/dev/zero", filepath.Join(root, "content", "zero.md")))
	return root, secret
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestReadFile(t *testing.T) {
	root, _ := site(t)
	f := New(root, 100)
	for _, name := range []string{"content/a.md", "content/inside.md"} {
		data, err := f.ReadFile(name)
		if err != nil || string(data) != "hello" {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
}

func TestRefused(t *testing.T) {
	root, _ := site(t)
	fifo := filepath.Join(root, "content", "chapters", "01-fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	f := New(root, 4)
	cases := map[string]error{
		"content/shadow.pdf":          ErrOutside,
		"content/rel.pdf":             ErrOutside,
		"content/up/secret.txt":       ErrOutside,
		"content/zero.md":             ErrOutside,
		"content/chapters/01-fifo.md": ErrNotRegular,
		"content/a.md":                ErrTooLarge,
		"content/none.md":             fs.ErrNotExist,
		"../secret.txt":               fs.ErrInvalid,
		`content\a.md`:                fs.ErrInvalid,
	}
	for name, want := range cases {
		_, err := f.ReadFile(name)
		if !errors.Is(err, want) {
			t.Errorf("%s: got %v, want %v", name, err, want)
			continue
		}
		if !strings.Contains(err.Error(), name) || strings.Contains(err.Error(), root) {
			t.Errorf("%s: error %q should name the file by its path in the site only", name, err)
		}
	}
}

func TestDeviceInside(t *testing.T) {
	// a root that holds a device: /dev itself
	_, err := New("/dev", 0).ReadFile("null")
	if !errors.Is(err, ErrNotRegular) {
		t.Fatalf("got %v", err)
	}
}

func TestSizeError(t *testing.T) {
	root, _ := site(t)
	_, err := New(root, 4).ReadFile("content/a.md")
	var se *SizeError
	if !errors.As(err, &se) || se.Size != 5 || se.Limit != 4 {
		t.Fatalf("got %v", err)
	}
	if msg, hint := Problem(err); msg != "file is 5 bytes, more than the limit of 4 bytes per file" || hint == "" {
		t.Fatalf("Problem: %q, %q", msg, hint)
	}
	if got := Human(3 << 20); got != "3 MB" {
		t.Errorf("Human = %q", got)
	}
	if got := Human(1536); got != "1.5 KB" {
		t.Errorf("Human = %q", got)
	}
}

func TestFSInterfaces(t *testing.T) {
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, "d"), 0o755))
	must(t, os.WriteFile(filepath.Join(root, "d", "b.txt"), []byte("b"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "a.txt"), []byte("a"), 0o644))
	must(t, fstest.TestFS(New(root, 10), "a.txt", "d/b.txt"))
	sub, err := fs.Sub(New(root, 10), "d")
	must(t, err)
	data, err := fs.ReadFile(sub, "b.txt")
	if err != nil || string(data) != "b" {
		t.Fatalf("%q %v", data, err)
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		path, dir string
		want      bool
	}{
		{"/a/b", "/a", true}, {"/a", "/a", true}, {"/ab", "/a", false},
		{"/a/..b", "/a", true}, {"/", "/a", false},
	} {
		if got := within(c.path, c.dir); got != c.want {
			t.Errorf("within(%q, %q) = %v", c.path, c.dir, got)
		}
	}
}

// FuzzOpen opens fuzzed names in a folder with links in and out: a name
// that opens is always a regular file or folder inside the root.
func FuzzOpen(f *testing.F) {
	for _, s := range []string{"content/a.md", "content/inside.md", "content/shadow.pdf", "content/up/secret.txt",
		"content/zero.md", "../secret.txt", "content/../content/a.md", `content\a.md`, "content/./a.md", "/etc/passwd", ".", "content"} {
		f.Add(s)
	}
	root, _ := site(f)
	real, _ := filepath.EvalSymlinks(root)
	fsys := New(root, 1<<20)
	f.Fuzz(func(t *testing.T, name string) {
		file, err := fsys.Open(name)
		if err != nil {
			return
		}
		defer file.Close()
		st, err := file.Stat()
		if err != nil || !st.IsDir() && !st.Mode().IsRegular() {
			t.Fatalf("%q opened a special file", name)
		}
		p, err := filepath.EvalSymlinks(filepath.Join(root, name))
		if err != nil || !within(p, real) {
			t.Fatalf("%q opened %s, outside %s", name, p, real)
		}
	})
}

// A Memo gives back a file read before only while it is the same file:
// an edit, a link to outside or a FIFO put in its place is seen and
// checked as on a first read.
func TestMemo(t *testing.T) {
	root, secret := site(t)
	f := FS{Root: root, Limit: 1 << 20, Memo: NewMemo()}
	read := func(want string) {
		t.Helper()
		data, err := f.ReadFile("content/a.md")
		if err != nil || string(data) != want {
			t.Fatalf("ReadFile = %q, %v; want %q", data, err, want)
		}
	}
	read("hello")
	read("hello")
	p := filepath.Join(root, "content", "a.md")
	must(t, os.WriteFile(p, []byte("hello, edited"), 0o644))
	read("hello, edited")
	// same size, other content, other time
	must(t, os.WriteFile(p, []byte("HELLO, EDITED"), 0o644))
	must(t, os.Chtimes(p, time.Now().Add(time.Hour), time.Now().Add(time.Hour)))
	read("HELLO, EDITED")
	must(t, os.Remove(p))
	must(t, os.Symlink(secret, p))
	if data, err := f.ReadFile("content/a.md"); !errors.Is(err, ErrOutside) {
		t.Errorf("a link to outside in place of a remembered file: %q, %v", data, err)
	}
	must(t, os.Remove(p))
	must(t, syscall.Mkfifo(p, 0o644))
	if data, err := f.ReadFile("content/a.md"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a FIFO in place of a remembered file: %q, %v", data, err)
	}
}

// A refused link is described by what it leaves (the site folder, or only
// themes/ for a theme file), where it leads and what to copy where.
func TestOutsideMessages(t *testing.T) {
	root, secret := site(t)
	must(t, os.MkdirAll(filepath.Join(root, "themes", "city"), 0o755))
	must(t, os.Symlink("../../content/a.md", filepath.Join(root, "themes", "city", "a.css")))
	must(t, os.Symlink("/dev/zero", filepath.Join(root, "themes", "city", "zero.css")))
	must(t, os.Symlink(filepath.Dir(secret), filepath.Join(root, "themes", "town")))
	themes := Sub(root, "themes", 100)
	secret, _ = filepath.EvalSymlinks(secret) // as the message shows it
	tests := []struct {
		fsys      FS
		name      string
		msg, hint string
	}{
		{New(root, 100), "content/shadow.pdf", "a symbolic link that leads outside the site folder, to " + secret, "copy the file into the site folder instead of linking to it"},
		{New(root, 100), "content/up", "a symbolic link that leads outside the site folder, to " + filepath.Dir(secret), "copy the folder into the site folder instead of linking to it"},
		{themes, "city/a.css", "a symbolic link that leads outside themes/, to content/a.md", "copy the file into themes/ instead of linking to it"},
		{themes, "city/zero.css", "a symbolic link that leads outside the site folder, to /dev/zero", "copy the file into themes/ instead of linking to it"},
		{themes, "town", "a symbolic link that leads outside the site folder, to " + filepath.Dir(secret), "copy the folder into themes/ instead of linking to it"},
	}
	for _, tc := range tests {
		_, err := tc.fsys.Stat(tc.name)
		if !errors.Is(err, ErrOutside) {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if msg, hint := Problem(err); msg != tc.msg || hint != tc.hint {
			t.Errorf("%s:\n got %q (%q)\nwant %q (%q)", tc.name, msg, hint, tc.msg, tc.hint)
		}
	}
}

// A trusting Memo gives back what it holds without looking at the disk,
// but forgets the files and folders it is told changed, and the listing
// of the folder that holds them; distrusted again, it checks every file.
func TestMemoTrust(t *testing.T) {
	root, _ := site(t)
	m := NewMemo()
	f := FS{Root: root, Limit: 1 << 20, Memo: m}
	p := filepath.Join(root, "content", "a.md")
	read := func(want string) {
		t.Helper()
		data, err := f.ReadFile("content/a.md")
		if err != nil || string(data) != want {
			t.Fatalf("ReadFile = %q, %v; want %q", data, err, want)
		}
	}
	names := func() string {
		t.Helper()
		entries, err := f.ReadDir("content")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return strings.Join(out, ",")
	}
	m.Trust(nil)
	read("hello")
	before := names()
	must(t, os.WriteFile(p, []byte("edited, untold"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "content", "b.md"), []byte("b"), 0o644))
	read("hello")
	if got := names(); got != before {
		t.Errorf("a trusted listing was read again: %s, want %s", got, before)
	}
	m.Trust([]string{p, filepath.Join(root, "content", "b.md")})
	read("edited, untold")
	if got := names(); !strings.Contains(got, "b.md") {
		t.Errorf("the folder of a new file was not listed again: %s", got)
	}
	must(t, os.WriteFile(p, []byte("again"), 0o644))
	read("edited, untold")
	m.Trust([]string{filepath.Join(root, "content")}) // a whole folder
	read("again")
	m.Distrust()
	must(t, os.WriteFile(p, []byte("distrusted"), 0o644))
	read("distrusted")
}
