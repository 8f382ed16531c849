package artlint

import (
	"os"
	"runtime/pprof"
)

// startCPUProfile profiles the rest of the run into path, so that a user
// who finds a run slow can send the profile (golangci-lint and go test
// have the same flag).
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
