package lsp

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/artlint/artlint/rules/textan"
)

// memoStates is an article as a writer edits it: a paragraph gets a
// straight apostrophe, another an opening guillemet and a new count, then
// each goes back to its earlier text, so the memo is asked again for texts
// it saw versions ago.
func memoStates(t *testing.T) []string {
	data, err := os.ReadFile("../../testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		t.Fatal(err)
	}
	s0 := string(data)
	swap := func(s, old, new string) string {
		t.Helper()
		if strings.Count(s, old) != 1 {
			t.Fatalf("%q occurs %d times", old, strings.Count(s, old))
		}
		return strings.Replace(s, old, new, 1)
	}
	const a0, a1 = "et d’échanger des vues", "et d'échanger des vues"
	const b0, b1 = "un groupe de treize pays", "un groupe de « douze pays"
	s1 := swap(s0, a0, a1)
	s2 := swap(s1, b0, b1)
	s3 := swap(s2, a1, a0)
	s4 := swap(s3, b1, b0)
	return []string{s0, s1, s2, s3, s4}
}

// lintFresh lints text with the memo off, in a server of its own.
func lintFresh(t *testing.T, text string) []Diagnostic {
	c := startServer(t, testOptions())
	c.initialize(nil)
	c.open(uriA, text)
	return unversioned(c.diagnostics(uriA, 1).Diagnostics)
}

// unversioned clears the document version that each diagnostic's data
// carries, the one thing a fresh server's diagnostics rightly differ in.
func unversioned(diags []Diagnostic) []Diagnostic {
	for i := range diags {
		if diags[i].Data != nil {
			diags[i].Data.Version = 0
		}
	}
	return diags
}

// walk opens states[0] and types the others in turn, returning the
// diagnostics of each version.
func walk(t *testing.T, states []string) [][]Diagnostic {
	c := startServer(t, testOptions())
	c.initialize(nil)
	c.open(uriA, states[0])
	out := [][]Diagnostic{unversioned(c.diagnostics(uriA, 1).Diagnostics)}
	for i, s := range states[1:] {
		c.change(uriA, i+2, map[string]any{"text": s})
		out = append(out, unversioned(c.diagnostics(uriA, i+2).Diagnostics))
	}
	return out
}

func TestMemoGivesFreshDiagnostics(t *testing.T) {
	states := memoStates(t)
	textan.EnableMemo(0)
	var want [][]Diagnostic
	for _, s := range states {
		want = append(want, lintFresh(t, s))
	}
	// The edits must change the findings, or the comparison proves little.
	for _, i := range []int{1, 2, 3} {
		if reflect.DeepEqual(want[i], want[0]) {
			t.Fatalf("state %d has the same diagnostics as the original", i)
		}
	}
	if !reflect.DeepEqual(want[4], want[0]) {
		t.Fatal("the last state is the original text but its diagnostics differ")
	}

	textan.EnableMemo(64)
	t.Cleanup(func() { textan.EnableMemo(0) })
	got := walk(t, states)
	for i := range states {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("version %d with the memo:\n%s\nfresh lint:\n%s", i+1, summary(got[i]), summary(want[i]))
		}
	}
}

// TestMemoConcurrentServers has several servers share the memo while they
// lint the same texts; run with -race, it catches a rule that writes to
// the slices the memo shares.
func TestMemoConcurrentServers(t *testing.T) {
	states := memoStates(t)
	textan.EnableMemo(0)
	want := walk(t, states)
	textan.EnableMemo(64)
	t.Cleanup(func() { textan.EnableMemo(0) })
	const n = 4
	got := make([][][]Diagnostic, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Go(func() { got[k] = walk(t, states) })
	}
	wg.Wait()
	for k := range n {
		for i := range states {
			if !reflect.DeepEqual(got[k][i], want[i]) {
				t.Errorf("server %d, version %d:\n%s\nwant:\n%s", k, i+1, summary(got[k][i]), summary(want[i]))
			}
		}
	}
}

func summary(diags []Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "  %d:%d-%d:%d %s %s\n", d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character, d.Code, d.Message)
	}
	return b.String()
}
