package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 over the LSP base protocol: a header block (Content-Length
// required, Content-Type optional, each line ended by \r\n, then \r\n), then
// exactly Content-Length bytes of JSON. The framing is written here rather
// than taken from a JSON-RPC library because the server must survive
// malformed frames: the libraries we looked at either stop the connection
// on the first bad body or leave its unread bytes in the stream.

// maxBody bounds one message: far beyond a several-MB document sent whole,
// small enough that a lying header cannot make the server allocate
// gigabytes.
const maxBody = 256 << 20

// JSON-RPC and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
	codeContentModified      = -32801
)

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (m *message) isRequest() bool { return len(m.ID) > 0 && m.Method != "" }

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (%d)", e.Message, e.Code) }

// frameError is a frame that could not be read but after which reading can
// go on (a bad header, a body too large); other read errors end the stream.
type frameError struct{ msg string }

func (e *frameError) Error() string { return e.msg }

// reader reads framed messages.
type reader struct{ r *bufio.Reader }

func newReader(r io.Reader) *reader { return &reader{bufio.NewReaderSize(r, 64<<10)} }

// read returns the next message body. A *frameError means this frame was
// skipped and the next read may succeed; io.EOF a clean end between
// frames; any other error a broken stream.
func (rd *reader) read() ([]byte, error) {
	length := -1
	sawHeader := false
	for {
		line, err := rd.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) && line == "" && !sawHeader {
				return nil, io.EOF
			}
			if errors.Is(err, io.EOF) {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !sawHeader {
				continue // stray blank line between frames
			}
			break
		}
		// Garbage before a header (the rest of a broken frame) is skipped
		// up to the next Content-Length, so one bad frame costs one frame.
		if i := strings.Index(strings.ToLower(line), "content-length:"); i > 0 {
			line = line[i:]
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			sawHeader = true
			continue
		}
		sawHeader = true
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-length":
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				length = -2
				continue
			}
			length = n
		case "content-type":
			// Optional; the only type the spec defines is JSON in UTF-8
			// (utf8 is accepted as a synonym).
		}
	}
	switch {
	case length == -1:
		return nil, &frameError{"header without Content-Length"}
	case length == -2:
		return nil, &frameError{"invalid Content-Length"}
	case length > maxBody:
		if _, err := io.CopyN(io.Discard, rd.r, int64(length)); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, &frameError{fmt.Sprintf("message of %d bytes is over the %d-byte limit", length, maxBody)}
	}
	// Read as the bytes arrive: a header that lies about the length costs
	// nothing until the bytes are really sent.
	var body bytes.Buffer
	if _, err := io.CopyN(&body, rd.r, int64(length)); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body.Bytes(), nil
}

// maxHeaderLine is the longest header line kept: a longer line is garbage
// (the rest of a broken frame), of which only the tail matters, where the
// next Content-Length may start.
const maxHeaderLine = 4096

// readLine reads one line, keeping at most its last maxHeaderLine bytes, so
// that megabytes without a line break cannot grow memory.
func (rd *reader) readLine() (string, error) {
	var acc []byte
	for {
		chunk, err := rd.r.ReadSlice('\n')
		acc = append(acc, chunk...)
		if len(acc) > maxHeaderLine {
			acc = append([]byte(nil), acc[len(acc)-maxHeaderLine:]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return string(acc), err
	}
}

// writer writes framed messages; safe for concurrent use.
type writer struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

// close makes every later write fail: nothing is written after exit.
func (w *writer) close() {
	w.mu.Lock()
	w.err = io.ErrClosedPipe
	w.mu.Unlock()
}

func (w *writer) write(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Grow(len(data) + 32)
	fmt.Fprintf(&buf, "Content-Length: %d\r\n\r\n", len(data))
	buf.Write(data)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	if _, err := w.w.Write(buf.Bytes()); err != nil {
		w.err = err
		return err
	}
	return nil
}

// decodeMessage parses one body; the error, if any, is the JSON-RPC error
// to answer with.
func decodeMessage(body []byte) (*message, *rpcError) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || !json.Valid(body) {
			return nil, &rpcError{codeParseError, "parse error: " + err.Error()}
		}
		return nil, &rpcError{codeInvalidRequest, "invalid request: " + err.Error()}
	}
	if m.JSONRPC != "2.0" {
		return &m, &rpcError{codeInvalidRequest, `invalid request: "jsonrpc" must be "2.0"`}
	}
	if m.Method == "" && len(m.ID) == 0 {
		return &m, &rpcError{codeInvalidRequest, "invalid request: no method and no id"}
	}
	return &m, nil
}
