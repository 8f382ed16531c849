package artlint

import (
	"os"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func gcSettings() (percent, limit uint64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

// TestDeferFirstGC: collection is off with a 64 MiB limit until the first
// collection, which restores the settings the process had.
func TestDeferFirstGC(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: deferFirstGC leaves them alone")
	}
	wantPercent, wantLimit := gcSettings()
	deferFirstGC()
	if percent, limit := gcSettings(); percent != ^uint64(0) || limit != firstGCAt { // off reads as -1
		t.Fatalf("after deferFirstGC: GOGC %d, limit %d; want off and %d", percent, limit, firstGCAt)
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		runtime.GC() // the first collection runs the sentinel's finalizer
		if percent, limit := gcSettings(); percent == wantPercent && limit == wantLimit {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	percent, limit := gcSettings()
	t.Fatalf("after a collection: GOGC %d, limit %d; want %d and %d restored", percent, limit, wantPercent, wantLimit)
}
