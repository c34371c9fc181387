package benchsite

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// serveEdits is how many saves the serve benchmark times.
const serveEdits = 10

// ServeLatency starts `plansite serve` on the site in dir, waits for its
// first build, then saves a chapter serveEdits times and measures each time
// from the save to the reload event the server sends to open pages. It
// returns the times, sorted.
func ServeLatency(plansite, dir string) ([]time.Duration, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, plansite, "serve", "-s", dir, "--addr", addr, "--cache-dir", filepath.Join(dir, ".cache-serve"))
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, err
	}
	defer func() {
		cancel() // stops the server
		cmd.Wait()
	}()
	base := "http://" + addr
	if err := waitReady(base, 10*time.Minute); err != nil {
		return nil, err
	}
	events, err := subscribe(ctx, base)
	if err != nil {
		return nil, err
	}
	chapter := filepath.Join(dir, "content", "chapters", chapterFile(1))
	orig, err := os.ReadFile(chapter)
	if err != nil {
		return nil, err
	}
	defer os.WriteFile(chapter, orig, 0o644)
	var times []time.Duration
	for i := 0; i < serveEdits; i++ {
		edited := fmt.Sprintf("%s\n編集%dで追加した文です。\n", orig, i)
		start := time.Now()
		if err := os.WriteFile(chapter, []byte(edited), 0o644); err != nil {
			return nil, err
		}
		if err := waitEvent(events, "reload", time.Minute); err != nil {
			return nil, err
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	return times, nil
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitReady polls the server until its first build is served.
func waitReady(base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/index.html")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("plansite serve was not ready after %v", limit)
}

// subscribe opens the server's event stream and returns the names of the
// events as they come.
func subscribe(ctx context.Context, base string) (<-chan string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/_plansite/events", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- name
			}
		}
		close(out)
	}()
	return out, nil
}

// waitEvent waits for an event of the given name, skipping others.
func waitEvent(events <-chan string, name string, limit time.Duration) error {
	timeout := time.After(limit)
	for {
		select {
		case got, ok := <-events:
			if !ok {
				return fmt.Errorf("the event stream closed before a %q event", name)
			}
			if got == name {
				return nil
			}
			if got == "error" {
				return fmt.Errorf("the rebuild failed")
			}
		case <-timeout:
			return fmt.Errorf("no %q event within %v", name, limit)
		}
	}
}
