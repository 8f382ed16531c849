package artlint

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/artlint/artlint/internal/report"
)

type fakeExit struct {
	mu   sync.Mutex
	code int
	done chan struct{}
}

func (f *fakeExit) exit(code int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.code = code
	close(f.done)
}

// TestInterruptWhileWritingReport: a signal that comes while the report
// is being written makes the next write fail; the atomic writer then
// removes its temporary file and the old report stays, whole.
func TestInterruptWhileWritingReport(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "report.sarif")
	if err := os.WriteFile(target, []byte("old report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	fe := &fakeExit{code: -1, done: make(chan struct{})}
	g := newInterruptGuard(&stderr, fe.exit)
	defer g.release()
	g.enterWrite()
	err := report.WriteFileAtomic(target, func(w io.Writer) error {
		if _, err := io.WriteString(g.writer(w), `{"runs": [`); err != nil {
			return err
		}
		g.ch <- os.Interrupt
		for !g.interrupted() {
			time.Sleep(time.Millisecond)
		}
		_, err := io.WriteString(g.writer(w), `{"results": []}]}`)
		return err
	})
	g.leaveWrite()
	if !errors.Is(err, errInterrupted) {
		t.Errorf("WriteFileAtomic = %v, want %v", err, errInterrupted)
	}
	if got, _ := os.ReadFile(target); string(got) != "old report\n" {
		t.Errorf("report = %q, want the old one", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	if fe.code != -1 {
		t.Errorf("exited with %d while writing", fe.code)
	}
	if stderr.String() != "artlint: interrupted\n" {
		t.Errorf("stderr %q", stderr.String())
	}
}

// TestInterruptWhileLinting: with nothing being written, a signal ends
// the process at once with exit code 130.
func TestInterruptWhileLinting(t *testing.T) {
	fe := &fakeExit{code: -1, done: make(chan struct{})}
	g := newInterruptGuard(io.Discard, fe.exit)
	defer g.release()
	g.ch <- os.Interrupt
	select {
	case <-fe.done:
	case <-time.After(10 * time.Second):
		t.Fatal("no exit after the signal")
	}
	if fe.code != ExitInterrupted {
		t.Errorf("exit %d, want %d", fe.code, ExitInterrupted)
	}
}
