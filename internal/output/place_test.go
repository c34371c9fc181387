package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// oldOutput makes dest with a previous build's files: index.html, a
// stale page the next build no longer makes, and a fresh disk's
// lost+found.
func oldOutput(t *testing.T, dest string) {
	t.Helper()
	for p, data := range map[string]string{"index.html": "old", "stale.html": "stale", "lost+found/x": "fsck"} {
		full := filepath.Join(dest, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// build writes a new output (index.html, assets/a.css) into dest.
func build(t *testing.T, dest string) (*Folder, error) {
	t.Helper()
	f, err := New(dest, false)
	if err != nil {
		return nil, err
	}
	for p, data := range map[string]string{"index.html": "new", "assets/a.css": "css"} {
		if err := f.WriteRaw(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	return f, nil
}

// entries lists the names in dir, sorted.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func read(t *testing.T, p string) string {
	t.Helper()
	data, _ := os.ReadFile(p)
	return string(data)
}

// A mount point cannot be renamed, so the build is made inside it and
// swapped in entry by entry; the old entries go, lost+found stays.
func TestMountPointSwapsInside(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	oldOutput(t, dest)
	mountPoint = func(dir string) bool { return dir == dest }
	defer func() { mountPoint = isMountPoint }()

	f, err := build(t, dest)
	if err != nil {
		t.Fatal(err)
	}
	if f.where != inside || filepath.Dir(f.dir) != dest {
		t.Fatalf("temporary folder %s is not inside the mount point %s", f.dir, dest)
	}
	f.Discard()
	if got := entries(t, dest); !slices.Equal(got, []string{"index.html", "lost+found", "stale.html"}) {
		t.Fatalf("a discarded build left %v", got)
	}

	if f, err = build(t, dest); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, dest); !slices.Equal(got, []string{"assets", "index.html", "lost+found"}) {
		t.Errorf("after the swap the mount point holds %v", got)
	}
	if got := read(t, filepath.Join(dest, "index.html")) + read(t, filepath.Join(dest, "assets", "a.css")); got != "newcss" {
		t.Errorf("new output not in place: %q", got)
	}
}

// When the folder holding the output may not be written but the output
// folder may (public_html in a read-only home), the build is made and
// swapped inside the output folder.
func TestParentNotWritable(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	oldOutput(t, dest)
	denyIn(t, filepath.Dir(dest))

	f, err := build(t, dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, dest); !slices.Equal(got, []string{"assets", "index.html", "lost+found"}) {
		t.Errorf("after the swap the output folder holds %v", got)
	}
}

// A mount point the user may not write in is named as such.
func TestMountPointNotWritable(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	oldOutput(t, dest)
	mountPoint = func(string) bool { return true }
	defer func() { mountPoint = isMountPoint }()
	denyIn(t, dest)
	_, err := build(t, dest)
	want := "output folder " + dest + " is not writable for you (permission denied): make it writable (chmod u+w " + dest + ")"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

// denyIn makes makeTemp fail in dir as it does in a folder without write
// permission, until the test ends.
func denyIn(t *testing.T, dir string) {
	makeTemp = func(in, pattern string) (string, error) {
		if in == dir {
			return "", &fs.PathError{Op: "mkdirtemp", Path: filepath.Join(in, pattern+"*"), Err: syscall.EACCES}
		}
		return os.MkdirTemp(in, pattern)
	}
	t.Cleanup(func() { makeTemp = os.MkdirTemp })
}

// A folder that may not be written is named, with what to do; nothing is
// left behind. The permissions are real here, so root (who ignores them)
// skips.
func TestReadOnlyOutputFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	tests := []struct {
		name     string
		old      bool // the output folder exists
		lockDest bool // and may not be written either
		want     []string
	}{
		{"parent read-only and no output yet", false, false, []string{"output folder", "cannot be made", "is not writable for you", "chmod u+w"}},
		{"grandparent read-only", false, false, []string{"output folder", "cannot be made: the folder PARENT is not writable", "chmod u+w PARENT)"}},
		{"parent and output read-only", true, true, []string{"output folder", "cannot be written", "neither it nor the folder holding it", "chmod u+w"}},
		{"parent read-only but output writable", true, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parent := filepath.Join(t.TempDir(), "www")
			dest := filepath.Join(parent, "public")
			if strings.HasPrefix(tc.name, "grandparent") {
				dest = filepath.Join(parent, "new", "public")
			}
			if tc.old {
				oldOutput(t, dest)
			} else if err := os.Mkdir(parent, 0o755); err != nil {
				t.Fatal(err)
			}
			lock(t, parent)
			if tc.lockDest {
				lock(t, dest)
			}
			f, err := build(t, dest)
			if tc.want == nil {
				if err == nil {
					err = f.Commit()
				}
				if err != nil || read(t, filepath.Join(dest, "index.html")) != "new" {
					t.Fatalf("build into a writable output folder in a read-only one: %v", err)
				}
				return
			}
			if err == nil {
				f.Discard()
				t.Fatal("no error")
			}
			for _, w := range append(tc.want, dest) {
				if w = strings.ReplaceAll(w, "PARENT", parent); !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q: %v", w, err)
				}
			}
			if got := entries(t, parent); len(got) > 1 || tc.old && got[0] != "public" {
				t.Errorf("left behind in the parent: %v", got)
			}
		})
	}
}

// lock takes the write permission from dir until the test ends.
func lock(t *testing.T, dir string) {
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
}

// When the system refuses the swap (a mount point it did not tell, a
// folder held by another program, a read-only or full disk), the error
// names the folder, the cause and what to do, and the previous output is
// left as it was, with no temporary folder beside or inside it.
func TestSwapErrorsExplained(t *testing.T) {
	tests := []struct {
		name  string
		errno syscall.Errno
		want  []string
	}{
		{"EBUSY", syscall.EBUSY, []string{"is a mount point or is held by another program", "device or resource busy", "-d " + filepath.Join("public", "site")}},
		{"EXDEV", syscall.EXDEV, []string{"is a mount point", "invalid cross-device link", "build into a folder inside it"}},
		{"EROFS", syscall.EROFS, []string{"is on a read-only disk", "choose a folder on a disk you can write to"}},
		{"EACCES", syscall.EACCES, []string{"cannot be replaced", "permission denied", "writable for you"}},
		{"ENOSPC", syscall.ENOSPC, []string{"the disk is full", "free some space"}},
	}
	for _, inInside := range []bool{false, true} {
		for _, tc := range tests {
			name := tc.name
			if inInside {
				name += " inside"
			}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				t.Chdir(dir)
				oldOutput(t, "public")
				mountPoint = func(string) bool { return inInside }
				fail := func(string, string) error { return &os.LinkError{Op: "rename", Old: "a", New: "b", Err: tc.errno} }
				renameCall = fail
				exchangeCall = func(a, b string) (bool, error) { return false, fail(a, b) }
				defer func() { mountPoint, renameCall, exchangeCall = isMountPoint, os.Rename, exchange }()

				f, err := build(t, "public")
				if err != nil {
					t.Fatal(err)
				}
				err = f.Commit()
				if err == nil {
					t.Fatal("no error")
				}
				for _, w := range append(tc.want, "output folder public") {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error lacks %q: %v", w, err)
					}
				}
				if strings.Contains(err.Error(), "rename a b") {
					t.Errorf("error repeats the system's paths: %v", err)
				}
				if got := entries(t, "public"); !slices.Equal(got, []string{"index.html", "lost+found", "stale.html"}) || read(t, "public/index.html") != "old" {
					t.Errorf("the previous output changed: %v", got)
				}
				if got := entries(t, dir); !slices.Equal(got, []string{"public"}) {
					t.Errorf("left beside the output: %v", got)
				}
			})
		}
	}
}

// When one entry of a swap inside the output folder fails, the entries
// already swapped are put back.
func TestSwapInsideUndoes(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	oldOutput(t, dest)
	mountPoint = func(string) bool { return true }
	calls := 0
	exchangeCall = func(a, b string) (bool, error) {
		if calls++; filepath.Base(a) == "index.html" {
			return false, &os.LinkError{Op: "renameat2", Old: a, New: b, Err: syscall.EIO}
		}
		return exchange(a, b)
	}
	defer func() { mountPoint, exchangeCall = isMountPoint, exchange }()

	f, err := build(t, dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); !errors.Is(err, syscall.EIO) {
		t.Fatalf("Commit: %v", err)
	}
	if calls < 2 {
		t.Fatalf("assets/ was not swapped before index.html failed (%d calls)", calls)
	}
	if got := entries(t, dest); !slices.Equal(got, []string{"index.html", "lost+found", "stale.html"}) || read(t, filepath.Join(dest, "index.html")) != "old" {
		t.Errorf("the previous output was not restored: %v", got)
	}
}
