package lsp

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/artlint/artlint/rules"
)

// frames is a stream written as the base protocol allows: Content-Type
// present or not, header names in any case, the headers in any order.
const frames = "Content-Length: 17\r\n\r\n{\"jsonrpc\":\"2.0\"}" +
	"content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  25\r\n\r\n{\"text\":\"«été» 😀\"}" +
	"Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf8\r\n\r\n{}"

func readAll(t *testing.T, r io.Reader) ([]string, error) {
	t.Helper()
	rd := newReader(r)
	var out []string
	for {
		body, err := rd.read()
		if err != nil {
			return out, err
		}
		out = append(out, string(body))
	}
}

func TestFraming(t *testing.T) {
	want := []string{`{"jsonrpc":"2.0"}`, `{"text":"«été» 😀"}`, `{}`}
	for name, r := range map[string]io.Reader{
		"whole":        strings.NewReader(frames),
		"one byte":     iotest.OneByteReader(strings.NewReader(frames)),
		"half reads":   iotest.HalfReader(strings.NewReader(frames)),
		"data and EOF": iotest.DataErrReader(strings.NewReader(frames)),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := readAll(t, r)
			if !errors.Is(err, io.EOF) {
				t.Errorf("end: %v, want io.EOF", err)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("bodies %q, want %q", got, want)
			}
		})
	}
}

func TestFramingErrors(t *testing.T) {
	t.Run("truncated body", func(t *testing.T) {
		_, err := readAll(t, strings.NewReader("Content-Length: 10\r\n\r\n{}"))
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("got %v, want unexpected EOF", err)
		}
	})
	t.Run("truncated header", func(t *testing.T) {
		_, err := readAll(t, strings.NewReader("Content-Length: 10\r\n"))
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("got %v, want unexpected EOF", err)
		}
	})
	for name, bad := range map[string]string{
		"no Content-Length":      "Content-Type: application/vscode-jsonrpc\r\n\r\n",
		"Content-Length not int": "Content-Length: douze\r\n\r\n",
		"negative length":        "Content-Length: -3\r\n\r\n",
		"over the limit":         "Content-Length: 300000000\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			rd := newReader(strings.NewReader(bad + "Content-Length: 2\r\n\r\n{}"))
			_, err := rd.read()
			var fe *frameError
			if name == "over the limit" {
				// The body is skipped; here the stream ends first.
				if !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Fatalf("got %v, want unexpected EOF", err)
				}
				return
			}
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a frame error", err)
			}
			body, err := rd.read()
			if err != nil || string(body) != "{}" {
				t.Errorf("next frame: %q, %v", body, err)
			}
		})
	}
	t.Run("megabytes of garbage without a line break", func(t *testing.T) {
		junk := strings.Repeat("{\"x\":1}", 300_000)
		rd := newReader(strings.NewReader(junk + "Content-Length: 2\r\n\r\n{}"))
		b, err := rd.read()
		if err != nil || string(b) != "{}" {
			t.Errorf("after the garbage: %q %v", b, err)
		}
	})
	t.Run("resync after a lying length", func(t *testing.T) {
		// The first frame claims 5 bytes but carries more: the excess is
		// garbage before the next header, which is found again.
		rd := newReader(strings.NewReader("Content-Length: 5\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}"))
		if b, err := rd.read(); err != nil || string(b) != `{"a":` {
			t.Fatalf("first: %q %v", b, err)
		}
		b, err := rd.read()
		if err != nil || string(b) != "{}" {
			t.Errorf("second: %q %v", b, err)
		}
	})
}

func TestWriterFraming(t *testing.T) {
	var buf bytes.Buffer
	w := &writer{w: &buf}
	if err := w.write(map[string]string{"m": "«é» 😀"}); err != nil {
		t.Fatal(err)
	}
	body := `{"m":"«é» 😀"}`
	if want := "Content-Length: 19\r\n\r\n" + body; buf.String() != want || len(body) != 19 {
		t.Errorf("wrote %q, want %q", buf.String(), want)
	}
}

func TestDecodeMessage(t *testing.T) {
	for body, code := range map[string]int{
		`{"jsonrpc":"2.0","id":1,"method":"initialize"}`: 0,
		`{"jsonrpc":"2.0","method":"initialized"}`:       0,
		`{"jsonrpc":"2.0","id":1,"result":null}`:         0,
		`{"jsonrpc":"2.0","id":1,"meth`:                  codeParseError,
		`[1, 2]`:                                         codeInvalidRequest,
		`{"jsonrpc":"1.0","id":1,"method":"x"}`:          codeInvalidRequest,
		`{"jsonrpc":"2.0"}`:                              codeInvalidRequest,
		`{"jsonrpc":"2.0","id":1,"method":12}`:           codeInvalidRequest,
	} {
		_, err := decodeMessage([]byte(body))
		got := 0
		if err != nil {
			got = err.Code
		}
		if got != code {
			t.Errorf("%s: code %d, want %d (%v)", body, got, code, err)
		}
	}
}

// Random edits on text with every kind of line break and multi-byte
// characters: the incrementally kept line starts always equal a fresh
// count, and positions round-trip in every encoding.
func TestTextReplaceKeepsLineStarts(t *testing.T) {
	pieces := []string{"a", "é", "«", "»", "😀", "\n", "\r", "\r\n", " ", "’", "\u00a0"}
	rnd := rand.New(rand.NewSource(1))
	gen := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteString(pieces[rnd.Intn(len(pieces))])
		}
		return sb.String()
	}
	tx := newText([]byte(gen(40)))
	for i := range 3000 {
		// Edit at character boundaries, as clients do.
		runes := []rune(string(tx.b))
		a := rnd.Intn(len(runes) + 1)
		b := a + rnd.Intn(min(len(runes)-a, 6)+1)
		start, end := len(string(runes[:a])), len(string(runes[:b]))
		tx = tx.replace(start, end, gen(rnd.Intn(5)))
		fresh := newText(tx.b)
		if !equalInts(tx.starts, fresh.starts) {
			t.Fatalf("edit %d: starts %v, want %v for %q", i, tx.starts, fresh.starts, tx.b)
		}
		for _, enc := range []encoding{encUTF16, encUTF8, encUTF32} {
			p := &positioner{t: tx, enc: enc}
			for off := 0; off <= len(tx.b); off++ {
				if off < len(tx.b) && tx.b[off]&0xC0 == 0x80 {
					continue // not a character boundary
				}
				if off > 0 && off < len(tx.b) && tx.b[off-1] == '\r' && tx.b[off] == '\n' {
					continue // inside a CRLF: no position names it
				}
				pos := p.pos(off)
				back, err := tx.offset(pos, enc)
				if err != nil || back != off {
					t.Fatalf("edit %d, %s: offset %d -> %+v -> %d (%v) in %q", i, enc, off, pos, back, err, tx.b)
				}
			}
		}
	}
}

func TestShiftSpan(t *testing.T) {
	for _, tc := range []struct {
		start, end, n int
		in, want      [2]int
		ok            bool
	}{
		{10, 12, 5, [2]int{2, 4}, [2]int{2, 4}, true},     // before
		{10, 12, 5, [2]int{20, 24}, [2]int{23, 27}, true}, // after: +3
		{10, 12, 0, [2]int{12, 14}, [2]int{10, 12}, true}, // right after a deletion
		{10, 12, 1, [2]int{11, 14}, [2]int{11, 14}, false},
		{10, 10, 4, [2]int{10, 11}, [2]int{14, 15}, true}, // insertion at its start
		{10, 10, 4, [2]int{8, 10}, [2]int{8, 10}, true},   // insertion at its end
	} {
		got, ok := shiftSpan(spanOf(tc.in), tc.start, tc.end, tc.n)
		if ok != tc.ok || (ok && got != spanOf(tc.want)) {
			t.Errorf("shift %v over [%d,%d)+%d = %v %v, want %v %v", tc.in, tc.start, tc.end, tc.n, got, ok, tc.want, tc.ok)
		}
	}
}

func spanOf(a [2]int) rules.Span { return rules.Span{Start: a[0], End: a[1]} }
