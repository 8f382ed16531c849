// Package schemas compiles JSON Schemas once per run, never fetches
// anything from the network, and turns validation errors into located
// findings in plain words.
package schemas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/artlint/artlint/rules"
	"github.com/artlint/artlint/schema"
)

// Options says where schemas may come from.
type Options struct {
	// Map sends a remote schema URL (or URL prefix ending in "/") to a
	// local file (or directory).
	Map map[string]string
	// Root is the directory local $refs must stay inside, unless
	// AllowOutside is set. Empty means no restriction.
	Root         string
	AllowOutside bool
}

// Set is the schemas of one run: compiled on first use, then shared by all
// workers (a compiled jsonschema.Schema is safe for concurrent Validate).
type Set struct {
	opts Options

	mu       sync.Mutex
	compiled map[string]*Schema // by absolute URL
	errs     map[string]error
	raw      map[string]any // parsed documents, for error messages
}

// New makes an empty set.
func New(opts Options) *Set {
	return &Set{opts: opts, compiled: map[string]*Schema{}, errs: map[string]error{}, raw: map[string]any{}}
}

// Schema is one compiled schema.
type Schema struct {
	URL     string
	set     *Set
	s       *jsonschema.Schema
	article bool // the embedded article schema, whose extra checks apply
}

// Default is the embedded article schema.
func (s *Set) Default() (*Schema, error) {
	return s.compile(schema.ArticleV1ID)
}

// Embedded compiles one of the schemas artlint ships, by its $id
// (schema.ArticleV1ID, schema.ConfigID).
func (s *Set) Embedded(id string) (*Schema, error) {
	if id != schema.ArticleV1ID && id != schema.ConfigID {
		return nil, fmt.Errorf("no embedded schema %q", id)
	}
	return s.compile(id)
}

// File compiles the schema in a local file.
func (s *Set) File(path string) (*Schema, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return s.compile(fileURL(abs))
}

// Known resolves a record's "$schema" value: the embedded schema's $id, a
// mapped URL, or a path relative to the record's file.
func (s *Set) Known(ref, recordPath string) (*Schema, error) {
	if ref == schema.ArticleV1ID {
		return s.Default()
	}
	if u, err := url.Parse(ref); err == nil && u.Scheme != "" && u.Scheme != "file" {
		if _, ok := s.mapped(ref); !ok {
			return nil, fmt.Errorf("unknown schema %q: artlint knows %s; map other URLs to local files with --map-schema URL=FILE", ref, schema.ArticleV1ID)
		}
		return s.compile(ref)
	}
	p := ref
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(recordPath), filepath.FromSlash(ref))
	}
	return s.File(p)
}

func fileURL(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

func (s *Set) compile(u string) (*Schema, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sc, ok := s.compiled[u]; ok {
		return sc, nil
	}
	if err, ok := s.errs[u]; ok {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = s.load
	if err := c.AddResource(schema.ArticleV1ID, bytes.NewReader(schema.ArticleV1)); err != nil {
		return nil, err
	}
	s.remember(schema.ArticleV1ID, schema.ArticleV1)
	if err := c.AddResource(schema.ConfigID, bytes.NewReader(schema.Config)); err != nil {
		return nil, err
	}
	s.remember(schema.ConfigID, schema.Config)
	compiled, err := c.Compile(u)
	if err != nil {
		err = fmt.Errorf("schema %s: %s", s.displayURL(u), plainCompileError(err))
		s.errs[u] = err
		return nil, err
	}
	sc := &Schema{URL: u, set: s, s: compiled, article: u == schema.ArticleV1ID}
	s.compiled[u] = sc
	return sc, nil
}

// displayURL shows a local schema as a path, relative to the root when it
// is inside it, as the user wrote it.
func (s *Set) displayURL(u string) string {
	if strings.HasPrefix(u, "file://") {
		if p, err := url.Parse(u); err == nil {
			path := filepath.FromSlash(p.Path)
			if s.opts.Root != "" {
				if rel, err := filepath.Rel(s.opts.Root, path); err == nil && inside(s.opts.Root, path) {
					return rel
				}
			}
			return path
		}
	}
	return u
}

func plainCompileError(err error) string {
	// jsonschema nests causes with their own prefixes; the innermost one
	// says what is wrong.
	var se *jsonschema.SchemaError
	for errors.As(err, &se) && se.Err != nil {
		err = se.Err
	}
	return strings.TrimPrefix(err.Error(), "jsonschema: ")
}

// mapped returns the local file a remote URL is mapped to.
func (s *Set) mapped(u string) (string, bool) {
	base, frag, _ := strings.Cut(u, "#")
	_ = frag
	if p, ok := s.opts.Map[base]; ok {
		return p, true
	}
	// Longest prefix mapping of a directory.
	best := ""
	for prefix := range s.opts.Map {
		if strings.HasSuffix(prefix, "/") && strings.HasPrefix(base, prefix) && len(prefix) > len(best) {
			best = prefix
		}
	}
	if best != "" {
		return filepath.Join(s.opts.Map[best], filepath.FromSlash(strings.TrimPrefix(base, best))), true
	}
	return "", false
}

// load is the compiler's only way to the outside: local files, mapped URLs,
// and a clear refusal for everything else.
func (s *Set) load(u string) (io.ReadCloser, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	var path string
	switch pu.Scheme {
	case "file":
		path = filepath.FromSlash(pu.Path)
		if s.opts.Root != "" && !s.opts.AllowOutside && !inside(s.opts.Root, path) {
			return nil, fmt.Errorf("%s is outside %s: a $ref may leave the repository only with --allow-outside-refs", path, s.opts.Root)
		}
	default:
		p, ok := s.mapped(u)
		if !ok {
			return nil, fmt.Errorf("remote $ref %s is not fetched (artlint never uses the network): map it to a local file with --map-schema %s=path/to/file.json", u, u)
		}
		path = p
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s.remember(u, data)
	return io.NopCloser(bytes.NewReader(data)), nil
}

func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func (s *Set) remember(u string, data []byte) {
	var v any
	if json.Unmarshal(data, &v) == nil {
		s.raw[strings.TrimSuffix(u, "#")] = v
	}
}

// keyword finds the raw schema object at an absolute keyword location
// ("url#/ptr"), for the descriptions and enumerations messages quote.
func (s *Set) keyword(abs string) any {
	base, ptr, _ := strings.Cut(abs, "#")
	s.mu.Lock()
	v := s.raw[base]
	s.mu.Unlock()
	if ptr == "" {
		return v
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch t := v.(type) {
		case map[string]any:
			v = t[tok]
		case []any:
			var i int
			if _, err := fmt.Sscan(tok, &i); err != nil || i < 0 || i >= len(t) {
				return nil
			}
			v = t[i]
		default:
			return nil
		}
	}
	return v
}

// Value converts a node tree to what jsonschema validates.
func Value(n *rules.Node) any {
	switch n.Kind {
	case rules.Object:
		m := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			m[f.Key] = Value(f.Value)
		}
		return m
	case rules.Array:
		a := make([]any, len(n.Items))
		for i, it := range n.Items {
			a[i] = Value(it)
		}
		return a
	case rules.String:
		return n.Str
	case rules.Number:
		return json.Number(n.Str)
	case rules.Bool:
		return n.Str == "true"
	}
	return nil
}

// Validate checks a record and returns one diagnostic per failing value.
func (sc *Schema) Validate(rec *rules.Record) []rules.Diagnostic {
	err := sc.s.Validate(Value(rec.Root))
	var out []rules.Diagnostic
	if err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			return []rules.Diagnostic{{Span: rec.Root.Span, Message: "schema validation failed: " + err.Error()}}
		}
		out = sc.explain(rec, ve)
	}
	if sc.article {
		out = append(out, datesInOrder(rec)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// datesInOrder is the one rule of the article format that JSON Schema
// cannot say: updated is not before published.
func datesInOrder(rec *rules.Record) []rules.Diagnostic {
	pub, upd := rec.Root.Get("published"), rec.Root.Get("updated")
	if pub == nil || upd == nil || pub.Kind != rules.String || upd.Kind != rules.String {
		return nil
	}
	p, err1 := time.Parse(time.RFC3339, pub.Str)
	u, err2 := time.Parse(time.RFC3339, upd.Str)
	if err1 != nil || err2 != nil || !u.Before(p) {
		return nil
	}
	return []rules.Diagnostic{{
		Span:    upd.Span,
		Pointer: upd.Pointer,
		Message: fmt.Sprintf("updated (%s) is before published (%s): an article cannot be updated before it is published", upd.Str, pub.Str),
		Related: []rules.Related{{Span: pub.Span, Pointer: pub.Pointer, Message: "published here"}},
	}}
}
