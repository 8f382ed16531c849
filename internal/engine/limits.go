package engine

import (
	"fmt"
	"io"
	"os"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// Default limits: far beyond any real article, well below what would
// exhaust a CI machine.
const (
	DefaultMaxFileSize = 256 << 20
	DefaultMaxFindings = 1000
)

// tooLargeError is a file over the size limit: it is not read.
type tooLargeError struct{ size, limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("%s is more than the limit of %s (--max-file-size): not read", load.FormatSize(e.size), load.FormatSize(e.limit))
}

// readLimited reads a file, refusing without reading it whole one that is
// over limit bytes. The size is checked before reading and again while
// reading, for a file that grows in between (or a device that reports 0).
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }() // read-only: nothing to flush
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fmt.Errorf("is a directory")
	}
	if info.Size() > limit {
		return nil, &tooLargeError{info.Size(), limit}
	}
	buf := make([]byte, 0, info.Size()+1)
	for {
		if int64(len(buf)) > limit {
			return nil, &tooLargeError{int64(len(buf)), limit}
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):min(cap(buf), int(limit)+1)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// capFindings keeps the first max findings of one file, in report order,
// and says how many were left out: a generated file with a mistake on
// every line should not drown the report.
func capFindings(res *fileResult, path string, max int) {
	if max <= 0 || len(res.findings) <= max {
		return
	}
	run := report.Run{Findings: res.findings}
	run.Sort()
	left := len(run.Findings) - max
	res.findings = run.Findings[:max:max]
	res.notes = append(res.notes, report.Notification{Level: rules.LevelWarning, Path: path,
		Message: fmt.Sprintf("%d more findings in this file were left out (--max-findings %d)", left, max)})
}
