// Package bench holds the side-by-side benchmark (compare.sh) and a Go
// benchmark of a whole lint run for profiling:
//
//	go run ./cmd/artlint-corpus -n 1000 -o /tmp/corpus1k
//	ARTLINT_CORPUS=/tmp/corpus1k go test -run XXX -bench LintCorpus -benchtime 3x -cpuprofile cpu.prof ./bench
//	go tool pprof -top -cum bench.test cpu.prof
package bench

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/artlint/artlint"
)

// BenchmarkLintCorpus lints the corpus in $ARTLINT_CORPUS with every rule,
// as the command line does (JSON report to nowhere), and reports files/s.
func BenchmarkLintCorpus(b *testing.B) {
	dir := os.Getenv("ARTLINT_CORPUS")
	if dir == "" {
		b.Skip("set ARTLINT_CORPUS to a directory made by cmd/artlint-corpus")
	}
	args := []string{"lint", "--no-config", "--format", "json", dir}
	if extra := os.Getenv("ARTLINT_ARGS"); extra != "" {
		args = append(args[:len(args)-1], append(strings.Fields(extra), dir)...)
	}
	for b.Loop() {
		if code := artlint.Run(args, strings.NewReader(""), io.Discard, io.Discard); code > 1 {
			b.Fatalf("exit %d", code)
		}
	}
}
