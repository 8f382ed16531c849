package artlint

import (
	"fmt"
	"strings"

	"github.com/artlint/artlint/internal/report"
)

// output is one report to write: a format, and a file or "" for standard
// output.
type output struct {
	format string
	path   string
}

// parseOutputs reads the --format values: FORMAT (to standard output, or
// to the -o file) or FORMAT:FILE (to that file). At most one report can go
// to standard output, or they would be mixed; -o names the file of the one
// bare FORMAT, as it did before several formats were possible.
func parseOutputs(formats []string, out string) ([]output, error) {
	var outs []output
	bare := 0
	files := map[string]bool{}
	for _, v := range formats {
		// Cut at the first colon, so a Windows path (sarif:C:\r.sarif) stays whole.
		name, path, hasPath := strings.Cut(v, ":")
		if !validFormat(name) {
			return nil, fmt.Errorf("unknown format %q (want %s, optionally followed by :FILE)", name, strings.Join(report.Formats(), ", "))
		}
		if hasPath && path == "" {
			return nil, fmt.Errorf("--format %s: no file after the colon", v)
		}
		if !hasPath {
			bare++
			if bare > 1 {
				return nil, fmt.Errorf("--format %s: only one format can go to standard output; give the others a file (FORMAT:FILE)", v)
			}
			path = out
		}
		if path != "" {
			if files[path] {
				return nil, fmt.Errorf("--format %s: %s is already the file of another format", v, path)
			}
			files[path] = true
		}
		outs = append(outs, output{format: name, path: path})
	}
	if out != "" && bare == 0 {
		return nil, fmt.Errorf("-o %s: every --format names its own file; -o is for a format given without one", out)
	}
	return outs, nil
}
