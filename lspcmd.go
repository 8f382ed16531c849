package artlint

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/artlint/artlint/internal/config"
	"github.com/artlint/artlint/internal/engine"
	"github.com/artlint/artlint/internal/lsp"
	"github.com/artlint/artlint/internal/schemas"
	"github.com/artlint/artlint/rules/textan"
)

// lsp runs the language server on standard input and output.
func (c *cli) lsp(args []string) int {
	fs := pflag.NewFlagSet("lsp", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	debounce := fs.Duration("debounce", 150*time.Millisecond, "how long typing must pause before a buffer is linted")
	fs.Bool("stdio", true, "talk LSP over standard input and output (the only transport; accepted for clients that pass it)")
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(c.stderr, "artlint lsp: %v\nRun \"artlint lsp --help\" for the flags.\n", err)
		return ExitError
	}
	if *help {
		fmt.Fprintf(c.stdout, "Usage: artlint lsp [flags]\n\nRun the language server (LSP over standard input and output) for editors.\n\nFlags:\n%s", fs.FlagUsages())
		return ExitClean
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "artlint lsp: unexpected argument %q\n", fs.Arg(0))
		return ExitError
	}
	enabled, err := selectRules(nil, nil)
	if err != nil {
		fmt.Fprintf(c.stderr, "artlint lsp: %v\n", err)
		return ExitError
	}
	cwd, _ := os.Getwd()
	// Per workspace root: a configuration resolver (the nearest
	// .artlint.yaml of each document, as the CLI finds it) and a schema
	// set (compiled schemas are cached in it). Both are dropped when a
	// configuration file is saved or changes on disk.
	type workspace struct {
		resolver *config.Resolver
		schemas  *schemas.Set
	}
	var mu sync.Mutex
	spaces := map[string]*workspace{}
	spaceFor := func(root string) *workspace {
		mu.Lock()
		defer mu.Unlock()
		if root == "" {
			root = cwd
		}
		w := spaces[root]
		if w == nil {
			w = &workspace{config.NewResolver(config.Options{Cwd: root}), schemas.New(schemas.Options{Root: root})}
			spaces[root] = w
		}
		return w
	}
	opts := lsp.Options{
		Debounce: *debounce,
		RuleURL:  RuleDocURL,
		Version:  Version,
		Engine: func(path, root string) (engine.Options, error) {
			w := spaceFor(root)
			eff, err := w.resolver.For(path)
			if err != nil {
				return engine.Options{}, configErrors(err, root)
			}
			if eff.Excluded != "" {
				return engine.Options{}, lsp.ErrExcluded
			}
			return engine.Options{Rules: enabled, Schemas: w.schemas, Jobs: 1, Resolve: w.resolver.Engine}, nil
		},
		IsConfig: func(path string) bool { return slices.Contains(config.Names, filepath.Base(path)) },
		CheckConfig: func(path string, content []byte) lsp.ConfigErrors {
			_, err := config.Parse(path, path, content)
			if err == nil {
				return nil
			}
			return configErrors(err, filepath.Dir(path))
		},
		Reload: func() {
			mu.Lock()
			clear(spaces)
			mu.Unlock()
		},
	}
	// Typing changes one paragraph at a time: the others' sentences,
	// quotations and tokens are reused from the memo.
	textan.EnableMemo(lspMemoEntries)
	return lsp.Serve(c.stdin, c.stdout, opts)
}

// lspMemoEntries is how many texts' analyses the language server keeps:
// every paragraph of a few long articles open at once, and the versions
// of the paragraph being typed.
const lspMemoEntries = 2048

// configErrors converts configuration problems for the language server;
// their paths are shown relative to root.
func configErrors(err error, root string) lsp.ConfigErrors {
	var es config.Errors
	var e *config.Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &e):
		es = config.Errors{e}
	default:
		return lsp.ConfigErrors{{Message: err.Error()}}
	}
	out := make(lsp.ConfigErrors, len(es))
	for i, e := range es {
		p := filepath.FromSlash(e.Path)
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		out[i] = lsp.ConfigError{Path: p, Line: e.Line, Column: e.Col, Message: e.Msg}
	}
	return out
}
