package artlint

import (
	"os"
	"runtime"
	"runtime/debug"
)

// firstGCAt is the heap size at which a run first collects garbage: more
// than a one-file run allocates (pre-commit, an editor calling the CLI:
// about 20 MB), far less than the 200 MB a long run may use at most.
const firstGCAt = 64 << 20

// deferFirstGC lets short runs finish without collecting garbage. The
// collector otherwise starts at a 4 MB heap and ran three or four times
// in a one-file run, a fifth of its CPU after start-up. Collection is off
// until the heap reaches firstGCAt; the first collection, forced by that
// memory limit, restores the usual pacing, so long runs (archives, 1 GB
// NDJSON, the language server) keep their bounded memory. A GOGC or
// GOMEMLIMIT set by the user wins.
func deferFirstGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(firstGCAt)
	// An object with a pointer (not from the tiny allocator, whose
	// finalizers may never run) that nothing references: the first
	// collection finds it unreachable and runs the finalizer.
	sentinel := &struct{ p *int }{new(int)}
	runtime.SetFinalizer(sentinel, func(*struct{ p *int }) {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}
