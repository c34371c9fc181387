package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher watches Root/content and Root/themes recursively. fsnotify
// watches single folders, so every folder is added, and folders created
// later are added when their Create event arrives. Root itself is watched
// (not recursively) so that content/ or themes/ appearing later, or being
// replaced, is noticed.
type watcher struct {
	fw        *fsnotify.Watcher
	root      string   // absolute
	trees     []string // absolute Root/content and Root/themes
	dest      string   // absolute; never watched
	log       io.Writer
	changes   *changes // where relevant events are recorded
	closeOnce sync.Once
}

// changes records the paths of the relevant events between two builds.
// It is safe for concurrent use.
type changes struct {
	mu    sync.Mutex
	paths map[string]bool
	all   bool // events may have been lost
}

// newChanges returns a record that knows nothing yet: its first take says
// that anything may have changed.
func newChanges() *changes { return &changes{paths: map[string]bool{}, all: true} }

// add records a change of the file or folder p.
func (c *changes) add(p string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.paths[p] = true
}

// lost records that events were lost: anything may have changed.
func (c *changes) lost() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.all = true
}

// take returns the changes recorded since the last take and forgets
// them: the paths, or all when anything may have changed.
func (c *changes) take() ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	all := c.all
	var paths []string
	if !all {
		for p := range c.paths {
			paths = append(paths, p)
		}
	}
	clear(c.paths)
	c.all = false
	return paths, all
}

func newWatcher(root, dest string, log io.Writer, ch *changes) (*watcher, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	absDest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{
		fw:      fw,
		root:    absRoot,
		trees:   []string{filepath.Join(absRoot, "content"), filepath.Join(absRoot, "themes")},
		dest:    absDest,
		log:     log,
		changes: ch,
	}
	if err := fw.Add(absRoot); err != nil {
		fw.Close()
		return nil, err
	}
	for _, t := range w.trees {
		if err := w.addTree(t); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

func (w *watcher) close() {
	w.closeOnce.Do(func() { w.fw.Close() })
}

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // vanished meanwhile; its Remove event follows
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignoredName(d.Name()) || within(p, w.dest) {
			return filepath.SkipDir
		}
		if err := w.fw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

// loop turns relevant events into at most one pending build request, sent
// on trigger after debounce of quiet.
func (w *watcher) loop(ctx context.Context, trigger chan<- struct{}) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.relevant(ev) {
				timer.Reset(debounce)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(w.log, "plansite: watcher: %v\n", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: watch any new folders and rebuild.
				w.changes.lost()
				for _, t := range w.trees {
					w.addTree(t)
				}
				timer.Reset(debounce)
			}
		case <-timer.C:
			select {
			case trigger <- struct{}{}:
			default: // a build is already pending
			}
		}
	}
}

// relevant reports whether ev should cause a rebuild, and starts watching
// folders that it creates.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || ev.Name == "" {
		return false
	}
	if ignoredName(filepath.Base(ev.Name)) || within(ev.Name, w.dest) {
		return false
	}
	inTree := false
	for _, t := range w.trees {
		if within(ev.Name, t) {
			inTree = true
		}
	}
	if !inTree {
		return false // another file in Root, such as public/
	}
	w.changes.add(ev.Name)
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			if err := w.addTree(ev.Name); err != nil && !errors.Is(err, fs.ErrNotExist) {
				fmt.Fprintf(w.log, "plansite: watcher: %v\n", err)
			}
		}
	}
	return true
}

// ignoredName reports names of hidden files and editor leftovers, which
// never change the site.
func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") ||
		strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") ||
		name == "4913" // vim probes whether it may write a folder with this file
}

// within reports whether path p is dir or lies inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
