package render

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"github.com/plansite/plansite/internal/safefs"
	theme "github.com/plansite/plansite/themes/default"
)

// Theme returns the theme files for a site: the files of root/themes/name
// laid over the embedded default theme, so a site overrides only what it
// changes. A named theme whose folder is missing is an error; "default"
// (or no name) without a folder is the embedded theme alone.
// Theme files are read through safefs: links that leave themes/, special
// files and files over safefs.SourceLimit are refused.
func Theme(root, name string) (fs.FS, error) {
	if name == "" {
		name = "default"
	}
	themes := safefs.Sub(root, "themes", safefs.SourceLimit)
	st, err := themes.Stat(name)
	switch {
	case err == nil && st.IsDir():
		upper, err := fs.Sub(themes, name)
		if err == nil {
			err = checkThemeFiles(upper, name)
		}
		return overlay{upper: upper, lower: theme.FS}, err
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		msg, hint := safefs.Problem(err)
		return nil, fmt.Errorf("themes/%s: %s (%s)", name, msg, hint)
	case name == "default":
		return theme.FS, nil
	}
	return nil, fmt.Errorf("content/site.yaml: theme %q: there is no folder themes/%s in the site (create it, or remove theme: to use the default theme)", name, name)
}

// checkThemeFiles opens every file of the site's theme folder once, so
// that a refused file (a link leaving themes/, a device, a file over the
// limit) is reported by its path, before templates are parsed.
func checkThemeFiles(upper fs.FS, name string) error {
	return fs.WalkDir(upper, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			var f fs.File
			if f, err = upper.Open(p); err == nil {
				f.Close()
			}
		}
		if err != nil {
			msg, hint := safefs.Problem(err)
			return fmt.Errorf("themes/%s/%s: %s (%s)", name, p, msg, hint)
		}
		return nil
	})
}

// overlay is a read-only file system whose upper layer hides files of the
// same name in the lower one. Directory listings are merged.
type overlay struct{ upper, lower fs.FS }

// Open opens name from the upper layer, falling back to the lower. For a
// directory present in both, the lower one is returned; listings are merged
// by ReadDir.
func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.upper.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.lower.Open(name)
	}
	if err != nil {
		return nil, err // a refused file must not fall back silently
	}
	if st, serr := f.Stat(); serr == nil && st.IsDir() {
		if lf, lerr := o.lower.Open(name); lerr == nil {
			f.Close()
			return lf, nil
		}
	}
	return f, nil
}

// ReadDir merges the listings of both layers, sorted by name.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	up, uerr := fs.ReadDir(o.upper, name)
	low, lerr := fs.ReadDir(o.lower, name)
	if uerr != nil && lerr != nil {
		return nil, errors.Join(uerr, lerr)
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(up, low...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// themeFile reads a file of the theme.
func (r *Renderer) themeFile(name string) ([]byte, error) {
	return fs.ReadFile(r.theme, name)
}
