package pdf

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
)

// conn is a minimal Chrome DevTools Protocol client over Chromium's
// --remote-debugging-pipe: JSON messages separated by NUL bytes, commands
// written to the browser's fd 3, replies and events read from its fd 4.
// No network port is opened, so nothing else on the machine can attach.
type conn struct {
	w io.Writer

	mu      sync.Mutex
	next    int64
	pending map[int64]chan message
	waiters []*waiter
	err     error // set once the pipe is closed
}

type message struct {
	ID        int64           `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// waiter is a one-shot subscription to an event of a session.
type waiter struct {
	session, method string
	ch              chan struct{}
}

func newConn(w io.Writer, r io.Reader) *conn {
	c := &conn{w: w, pending: map[int64]chan message{}}
	go c.read(r)
	return c
}

// read delivers replies to their callers and events to their waiters until
// the pipe closes.
func (c *conn) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			c.close(fmt.Errorf("chromium closed the DevTools pipe: %w", err))
			return
		}
		var m message
		if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
			continue
		}
		c.deliver(m)
	}
}

func (c *conn) deliver(m message) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m.ID != 0 {
		if ch, ok := c.pending[m.ID]; ok {
			delete(c.pending, m.ID)
			ch <- m
		}
		return
	}
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.session == m.SessionID && w.method == m.Method {
			close(w.ch)
			continue
		}
		kept = append(kept, w)
	}
	c.waiters = kept
}

func (c *conn) close(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.err = err
	for id, ch := range c.pending {
		close(ch)
		delete(c.pending, id)
	}
}

// wait subscribes to the next event method of session; call it before the
// command that causes the event.
func (c *conn) wait(session, method string) <-chan struct{} {
	w := &waiter{session: session, method: method, ch: make(chan struct{})}
	c.mu.Lock()
	c.waiters = append(c.waiters, w)
	c.mu.Unlock()
	return w.ch
}

// call sends a command and decodes its result into out (when not nil).
func (c *conn) call(ctx context.Context, session, method string, params, out any) error {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return c.err
	}
	c.next++
	id := c.next
	ch := make(chan message, 1)
	c.pending[id] = ch
	c.mu.Unlock()

	req, err := json.Marshal(struct {
		ID        int64  `json:"id"`
		Method    string `json:"method"`
		SessionID string `json:"sessionId,omitempty"`
		Params    any    `json:"params,omitempty"`
	}{id, method, session, params})
	if err != nil {
		return err
	}
	c.mu.Lock()
	_, err = c.w.Write(append(req, 0))
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: %w", method, c.closedErr())
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %s (code %d)", method, m.Error.Message, m.Error.Code)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (c *conn) closedErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		return errors.New("no reply")
	}
	return c.err
}
