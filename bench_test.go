package artlint_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// The CLI benchmarks run the built binary, process start included, as
// pre-commit and CI run it: the first on one article (what a commit of one
// file costs), the second on a directory of 1,000. Besides Go's mean they
// report the median wall time, which one slow run on a shared machine
// does not move, and the median CPU time of the process:
//
//	go test -run XXX -bench CLI -benchtime 50x .

// buildCLI builds cmd/artlint once per benchmark into a temporary
// directory.
func buildCLI(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "artlint")
	out, err := exec.Command("go", "build", "-o", bin, "./cmd/artlint").CombinedOutput()
	if err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// benchExec runs the binary b.N times and reports the median wall time.
// Exit 1 (findings) is expected of real articles; anything else fails.
func benchExec(b *testing.B, bin, dir string, args ...string) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		times = append(times, time.Since(start))
		cpu = append(cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		if code := cmd.ProcessState.ExitCode(); err != nil && code != 1 {
			b.Fatalf("artlint %v: %v (exit %d)\n%s", args, err, code, stderr.Bytes())
		}
	}
	slices.Sort(times)
	slices.Sort(cpu)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	// CPU time (user + system) is what the process itself cost: on a
	// shared machine, wall time also counts the wait for a core.
	b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds())/1000, "ms-cpu-median")
}

func seedRecord(b *testing.B) []byte {
	b.Helper()
	seed, err := os.ReadFile("testdata/records/nato-chicago-partners-2012.fr.json")
	if err != nil {
		b.Fatal(err)
	}
	return seed
}

func BenchmarkCLIOneFile(b *testing.B) {
	bin := buildCLI(b)
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "chicago.json"), seedRecord(b), 0o644); err != nil {
		b.Fatal(err)
	}
	benchExec(b, bin, dir, "lint", "--color", "never", "chicago.json")
}

func BenchmarkCLI1000Files(b *testing.B) {
	bin := buildCLI(b)
	dir := b.TempDir()
	seed := seedRecord(b)
	id := []byte(`"id": "nato-chicago-partners-2012"`)
	if !bytes.Contains(seed, id) {
		b.Fatal("the seed's id changed")
	}
	var size int64
	for i := range 1000 {
		rec := bytes.Replace(seed, id, fmt.Appendf(nil, `"id": "nato-chicago-partners-2012-%04d"`, i), 1)
		sub := filepath.Join(dir, "articles", fmt.Sprintf("%02d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("chicago-%04d.json", i)), rec, 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(rec))
	}
	b.SetBytes(size)
	benchExec(b, bin, dir, "lint", "--color", "never", "articles")
}
