package artlint

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/artlint/artlint/internal/load"
)

// ExitInterrupted is the exit code after SIGINT (128 + 2, as shells do).
const ExitInterrupted = 130

var errInterrupted = errors.New("interrupted")

// beforeFix runs between linting and writing fixes; tests use it to change
// a file in that window.
var beforeFix = func() {}

// interruptGuard makes SIGINT and SIGTERM leave no half-written file.
// While nothing is being written the process exits at once; while the
// report or fixes are being written, the signal is held: the report
// writer fails on its next write (the atomic writer then removes its
// temporary file, the target keeps its old content) and fixes, each a
// single atomic rename, finish; then the command returns ExitInterrupted.
type interruptGuard struct {
	mu       sync.Mutex
	writing  bool
	stopped  bool
	ch       chan os.Signal
	done     chan struct{}
	stderr   io.Writer
	exitFunc func(int)
}

func (c *cli) onInterrupt() *interruptGuard {
	g := newInterruptGuard(c.stderr, os.Exit)
	signal.Notify(g.ch, os.Interrupt, syscall.SIGTERM)
	return g
}

// newInterruptGuard acts on what arrives on g.ch; onInterrupt connects it
// to the process's signals, tests send to it directly.
func newInterruptGuard(stderr io.Writer, exit func(int)) *interruptGuard {
	g := &interruptGuard{ch: make(chan os.Signal, 1), done: make(chan struct{}), stderr: stderr, exitFunc: exit}
	go func() {
		select {
		case <-g.ch:
			g.mu.Lock()
			defer g.mu.Unlock()
			g.stopped = true
			fmt.Fprintln(g.stderr, "artlint: interrupted")
			if !g.writing {
				g.exitFunc(ExitInterrupted)
			}
		case <-g.done:
		}
	}()
	return g
}

func (g *interruptGuard) release() {
	signal.Stop(g.ch)
	close(g.done)
}

func (g *interruptGuard) enterWrite() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		g.exitFunc(ExitInterrupted)
	}
	g.writing = true
}

func (g *interruptGuard) leaveWrite() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.writing = false
}

func (g *interruptGuard) interrupted() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.stopped
}

// writer fails every write once a signal has come.
func (g *interruptGuard) writer(w io.Writer) io.Writer { return interruptibleWriter{g, w} }

type interruptibleWriter struct {
	g *interruptGuard
	w io.Writer
}

func (w interruptibleWriter) Write(p []byte) (int, error) {
	if w.g.interrupted() {
		return 0, errInterrupted
	}
	return w.w.Write(p)
}

type limitValues struct {
	maxFileSize int64
	maxFindings int
}

// limitFlags checks --max-file-size, --max-findings and --max-depth.
func limitFlags(f lintFlags) (limitValues, error) {
	var v limitValues
	size, err := load.ParseSize(f.maxFileSize)
	if err != nil {
		return v, fmt.Errorf("--max-file-size: %w", err)
	}
	v.maxFileSize = size
	switch {
	case f.maxFindings < 0:
		return v, fmt.Errorf("--max-findings: %d is negative (0 means no limit)", f.maxFindings)
	case f.maxFindings == 0:
		v.maxFindings = -1
	default:
		v.maxFindings = f.maxFindings
	}
	// The parsers recurse once per level: past this, a crafted file could
	// exhaust the stack, which Go cannot recover from.
	if f.maxDepth < 1 || f.maxDepth > load.MaxDepthCeiling {
		return v, fmt.Errorf("--max-depth: %d is out of range (1 to %d)", f.maxDepth, load.MaxDepthCeiling)
	}
	return v, nil
}
