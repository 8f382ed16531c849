package engine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/artlint/artlint/internal/load"
)

// Input is one file to lint. Content is set for standard input; files are
// read by the workers.
type Input struct {
	Path    string // as displayed; for stdin, --stdin-filename
	Content []byte
	Stdin   bool
}

// Problem is a path that could not be expanded.
type Problem struct {
	Path string
	Err  error
}

// Expand turns the command-line paths into files: directories are walked
// recursively in lexical order, hidden folders skipped, only record files
// kept; named files are kept whatever their name. Excluded globs match the
// slash path relative to the working directory, or any path suffix.
func Expand(paths, exclude []string) ([]Input, []Problem) {
	var out []Input
	var problems []Problem
	seen := map[string]bool{}
	add := func(p string) {
		clean := filepath.Clean(p)
		if seen[clean] || excluded(clean, exclude) {
			return
		}
		seen[clean] = true
		out = append(out, Input{Path: clean})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{p, cleanErr(err)})
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, Problem{path, cleanErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || excluded(filepath.Clean(path), exclude)) {
					return fs.SkipDir
				}
				return nil
			}
			if _, ok := load.FormatOf(name); ok && !strings.HasPrefix(name, ".") && d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			problems = append(problems, Problem{p, cleanErr(err)})
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return out, problems
}

func excluded(path string, globs []string) bool {
	slash := filepath.ToSlash(path)
	for _, g := range globs {
		g = strings.TrimPrefix(filepath.ToSlash(g), "./")
		if ok, _ := doublestar.Match(g, slash); ok {
			return true
		}
		if ok, _ := doublestar.Match("**/"+g, slash); ok {
			return true
		}
		// A directory glob excludes what is below it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", slash); ok {
			return true
		}
	}
	return false
}

// cleanErr drops the "stat " / "open " operation prefix that *PathError
// adds, since the message is printed after the path anyway.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
