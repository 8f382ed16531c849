package engine

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/artlint/artlint/internal/load"
	"github.com/artlint/artlint/internal/report"
	"github.com/artlint/artlint/rules"
)

// StreamThreshold is the size from which an NDJSON file is streamed: read
// line by line and linted in batches of records, with memory bounded by
// the batch and the findings kept (at most --max-findings), whatever the
// file's size. Smaller files are read whole, which lets --fix rewrite them.
// A variable for tests.
var StreamThreshold int64 = 8 << 20

var bom = []byte("\xef\xbb\xbf")

// streamBatch is how many lines are linted together, in parallel.
const streamBatch = 512

// streamable reports whether in is an NDJSON file to stream.
func streamable(in Input) bool {
	if in.Stdin {
		return false
	}
	if f, ok := load.FormatOf(in.Path); !ok || f != rules.FormatNDJSON {
		return false
	}
	info, err := os.Stat(in.Path)
	return err == nil && info.Mode().IsRegular() && info.Size() >= StreamThreshold
}

// streamLine is one non-blank line of an NDJSON stream.
type streamLine struct {
	content []byte // without the line break
	offset  int    // of the line in the file
	line    int    // 1-based
	index   int    // record index (non-blank lines before it)
}

// streamNDJSON lints a large NDJSON file as a sequence of one-line files,
// each linted exactly as file would lint it, with positions shifted back
// into the whole file. The size limit applies to each line (a record), not
// to the file. Fixes are not offered to --fix for a stream (its content is
// not kept), and a record without an id has the fingerprint of record 0.
func (l *linter) streamNDJSON(in Input) fileResult {
	path := l.display(in.Path)
	fh, err := os.Open(in.Path)
	if err != nil {
		return l.file(in) // reports the error as file does
	}
	defer func() { _ = fh.Close() }() // read-only
	res := fileResult{read: true}
	maxFindings := cmp.Or(l.opts.MaxFindings, DefaultMaxFindings)
	maxLine := cmp.Or(l.opts.MaxFileSize, DefaultMaxFileSize)
	jobs := cmp.Or(l.opts.Jobs, runtime.GOMAXPROCS(0))
	left := 0
	br := bufio.NewReaderSize(fh, 1<<20)
	offset, lineNo, index := 0, 1, 0
	batch := make([]streamLine, 0, streamBatch)
	out := make([]fileResult, streamBatch)

	flush := func() {
		var wg sync.WaitGroup
		next := make(chan int, len(batch))
		for i := range batch {
			next <- i
		}
		close(next)
		for w := 0; w < min(jobs, len(batch)); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					out[i] = l.streamRecord(in, batch[i])
				}
			}()
		}
		wg.Wait()
		for i := range batch {
			r := &out[i]
			res.records += r.records
			res.cross = append(res.cross, r.cross...)
			// Lines come in order, so once the cap is reached every later
			// finding sorts after the kept ones: count them only.
			if len(res.findings) >= maxFindings && maxFindings > 0 {
				left += len(r.findings)
			} else {
				res.findings = append(res.findings, r.findings...)
			}
			if len(res.notes) < max(maxFindings, 1000) {
				res.notes = append(res.notes, r.notes...)
			}
			*r = fileResult{}
		}
		if maxFindings > 0 && len(res.findings) > maxFindings {
			run := report.Run{Findings: res.findings}
			run.Sort()
			left += len(run.Findings) - maxFindings
			res.findings = run.Findings[:maxFindings:maxFindings]
		}
		batch = batch[:0]
	}

	for {
		line, tooLong, err := readLine(br, maxLine)
		if err != nil && !errors.Is(err, io.EOF) {
			res.notes = append(res.notes, report.Notification{Level: rules.LevelError, Path: path, Line: lineNo,
				Message: "cannot read file: " + cleanErr(err).Error()})
			break
		}
		if len(line) == 0 && errors.Is(err, io.EOF) {
			break
		}
		content := line
		if n := len(content); n > 0 && content[n-1] == '\n' {
			content = content[:n-1]
		}
		switch {
		case tooLong:
			res.notes = append(res.notes, report.Notification{Level: rules.LevelError, Path: path, Line: lineNo,
				Message: fmt.Sprintf("line %d is more than the limit of %s (--max-file-size): not read", lineNo, load.FormatSize(maxLine))})
			index++
		case len(bytes.TrimSpace(bytes.TrimPrefix(content, bom))) > 0:
			batch = append(batch, streamLine{content: content, offset: offset, line: lineNo, index: index})
			index++
			if len(batch) == streamBatch {
				flush()
			}
		}
		offset += len(line)
		lineNo++
		if errors.Is(err, io.EOF) {
			break
		}
	}
	flush()
	if left > 0 {
		res.notes = append(res.notes, report.Notification{Level: rules.LevelWarning, Path: path,
			Message: fmt.Sprintf("%d more findings in this file were left out (--max-findings %d)", left, maxFindings)})
	}
	return res
}

// readLine reads one line with its '\n'; a line longer than limit is
// skipped to its end without being kept, and reported as tooLong.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			if tooLong {
				return nil, true, err
			}
			return line, false, err
		}
	}
}

// streamRecord lints one line as a file of its own and moves its findings
// to their place in the whole file.
func (l *linter) streamRecord(in Input, sl streamLine) fileResult {
	r := l.file(Input{Path: in.Path, Content: sl.content, Stdin: true})
	r.source = nil
	shiftLoc := func(loc *report.Location) {
		loc.Span.Start += sl.offset
		loc.Span.End += sl.offset
		if loc.Line > 0 {
			loc.Line += sl.line - 1
		}
		if loc.EndLine > 0 {
			loc.EndLine += sl.line - 1
		}
	}
	for i := range r.findings {
		fd := &r.findings[i]
		shiftLoc(&fd.Location)
		for j := range fd.Related {
			shiftLoc(&fd.Related[j])
		}
		for j := range fd.Fixes {
			for k := range fd.Fixes[j].Edits {
				shiftLoc(&fd.Fixes[j].Edits[k].Location)
			}
		}
	}
	for i := range r.notes {
		if r.notes[i].Line > 0 {
			r.notes[i].Line += sl.line - 1
		}
		// The engine numbers records within the file it was given.
		r.notes[i].Message = strings.Replace(r.notes[i].Message, " on record 1:", fmt.Sprintf(" on record %d:", sl.index+1), 1)
	}
	for i := range r.cross {
		r.cross[i].stub.Index = sl.index
	}
	return r
}
