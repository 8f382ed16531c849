// Package sariftest checks SARIF logs in tests: against the OASIS SARIF
// 2.1.0 schema kept in the repository (testdata/sarif), and against the
// ingestion rules of GitHub code scanning that can be checked offline.
//
// The schema is read from the module's testdata/sarif directory, found
// from this source file's own path, rather than embedded: go:embed cannot
// reach outside this package's directory, and a second copy of a 110 KB
// file would drift from the one whose provenance SOURCE.txt records. The
// source path does not depend on the working directory, which tests change.
package sariftest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// SchemaPath is the schema's path relative to the module root.
const SchemaPath = "testdata/sarif/sarif-schema-2.1.0.json"

// schemaID is the schema's own "id": adding the file under it lets its
// internal references resolve without a fetch.
const schemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

var (
	compileOnce sync.Once
	schema      *jsonschema.Schema
	compileErr  error
)

// Validate checks sarifJSON against the SARIF 2.1.0 schema (draft-04) and
// returns an error listing every violation with its instance location, or
// nil.
func Validate(sarifJSON []byte) error {
	compileOnce.Do(func() { schema, compileErr = compile() })
	if compileErr != nil {
		return compileErr
	}
	// The validator wants numbers as json.Number, so that integers stay
	// integers for "type": "integer".
	var doc any
	dec := json.NewDecoder(bytes.NewReader(sarifJSON))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return fmt.Errorf("sarif: not JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("sarif: not JSON: data after the top-level value")
	}
	err := schema.Validate(doc)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err // nil, or a failure that is not about the document
	}
	var lines []string
	for _, leaf := range leaves(ve) {
		loc := leaf.InstanceLocation
		if loc == "" {
			loc = "/"
		}
		lines = append(lines, fmt.Sprintf("  %s: %s (schema %s)", loc, leaf.Message, leaf.KeywordLocation))
	}
	sort.Strings(lines)
	lines = compact(lines)
	return fmt.Errorf("sarif: %d schema violation(s):\n%s", len(lines), strings.Join(lines, "\n"))
}

func compile() (*jsonschema.Schema, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(SchemaPath)))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	// Everything the schema needs is added here or built in (the draft-04
	// meta-schema); a reference to anything else is a mistake, not a cue
	// to go online.
	c.LoadURL = func(s string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("sariftest: refusing to fetch %s", s)
	}
	if err := c.AddResource(schemaID, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("sariftest: %s: %w", SchemaPath, err)
	}
	s, err := c.Compile(schemaID)
	if err != nil {
		return nil, fmt.Errorf("sariftest: %s: %w", SchemaPath, err)
	}
	return s, nil
}

// moduleRoot walks up from this source file to the directory holding
// go.mod.
func moduleRoot() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("sariftest: cannot locate own source file")
	}
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("sariftest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// leaves returns the innermost errors: the parents only say "doesn't
// validate with …", which names no violation.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func compact(ss []string) []string {
	var out []string
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// GitHub code scanning limits and vocabularies, from "SARIF support for
// code scanning" (docs.github.com).
const (
	maxRuns             = 20
	maxResultsPerRun    = 25000
	maxRulesPerRun      = 25000
	maxLocationsPerRes  = 1000
	maxTagsPerRule      = 20
	maxRuleNameLen      = 255
	maxDescriptionChars = 1024
)

var (
	pascalRE     = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	schemeRE     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	resultLevels = map[string]bool{"none": true, "note": true, "warning": true, "error": true}
	ruleLevels   = map[string]bool{"note": true, "warning": true, "error": true}
)

// CheckGitHub checks what GitHub code scanning requires of an upload and
// can be checked without GitHub: one run per tool and category, rules with
// an id, a PascalCase name and non-empty descriptions within GitHub's
// lengths, results with a ruleId that names a rule (and a ruleIndex that
// agrees), a known level, a message, a location with a relative or file:
// URI and a start line, and partialFingerprints. It returns every problem
// found, or nil.
func CheckGitHub(sarifJSON []byte) error {
	var log ghLog
	if err := json.Unmarshal(sarifJSON, &log); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	var errs []string
	add := func(ptr, format string, args ...any) {
		errs = append(errs, "  "+ptr+": "+fmt.Sprintf(format, args...))
	}
	if log.Version != "2.1.0" {
		add("/version", "GitHub accepts only SARIF 2.1.0, not %q", log.Version)
	}
	if log.Schema == "" {
		add("/$schema", "missing")
	}
	if len(log.Runs) > maxRuns {
		add("/runs", "%d runs, GitHub accepts at most %d", len(log.Runs), maxRuns)
	}
	categories := map[string]int{}
	for ri, run := range log.Runs {
		rp := fmt.Sprintf("/runs/%d", ri)
		d := run.Tool.Driver
		if d.Name == "" {
			add(rp+"/tool/driver/name", "missing")
		}
		key := d.Name + "\x00" + category(run.AutomationDetails.ID)
		if prev, dup := categories[key]; dup {
			add(rp, "same tool and category as /runs/%d: GitHub keeps one analysis per category", prev)
		} else {
			categories[key] = ri
		}
		if d.Rules == nil {
			add(rp+"/tool/driver/rules", "missing")
		}
		if len(d.Rules) > maxRulesPerRun {
			add(rp+"/tool/driver/rules", "%d rules, GitHub accepts at most %d", len(d.Rules), maxRulesPerRun)
		}
		ids := map[string]bool{}
		for i, r := range d.Rules {
			p := fmt.Sprintf("%s/tool/driver/rules/%d", rp, i)
			switch {
			case r.ID == "":
				add(p+"/id", "missing")
			case ids[r.ID]:
				add(p+"/id", "duplicate rule id %q", r.ID)
			}
			ids[r.ID] = true
			if r.Name != "" && (!pascalRE.MatchString(r.Name) || len(r.Name) > maxRuleNameLen) {
				add(p+"/name", "%q is not a PascalCase identifier of at most %d characters", r.Name, maxRuleNameLen)
			}
			for _, t := range []struct {
				name string
				text *string
			}{{"shortDescription", textOf(r.ShortDescription)}, {"fullDescription", textOf(r.FullDescription)}} {
				switch {
				case t.text == nil || *t.text == "":
					add(p+"/"+t.name+"/text", "missing or empty")
				case len([]rune(*t.text)) > maxDescriptionChars:
					add(p+"/"+t.name+"/text", "%d characters, GitHub shows at most %d", len([]rune(*t.text)), maxDescriptionChars)
				}
			}
			if h := textOf(r.Help); h == nil || *h == "" {
				add(p+"/help/text", "missing or empty")
			}
			if r.DefaultConfiguration != nil && r.DefaultConfiguration.Level != nil && !ruleLevels[*r.DefaultConfiguration.Level] {
				add(p+"/defaultConfiguration/level", "%q: GitHub knows note, warning and error", *r.DefaultConfiguration.Level)
			}
			if n := len(r.Properties.Tags); n > maxTagsPerRule {
				add(p+"/properties/tags", "%d tags, GitHub accepts at most %d", n, maxTagsPerRule)
			}
		}
		if run.Results == nil {
			add(rp+"/results", "missing: GitHub needs the array, even empty")
		}
		if len(run.Results) > maxResultsPerRun {
			add(rp+"/results", "%d results, GitHub accepts at most %d", len(run.Results), maxResultsPerRun)
		}
		for i, res := range run.Results {
			p := fmt.Sprintf("%s/results/%d", rp, i)
			switch {
			case res.RuleID == "":
				add(p+"/ruleId", "missing")
			case !ids[res.RuleID]:
				add(p+"/ruleId", "%q is not among tool.driver.rules", res.RuleID)
			}
			if res.RuleIndex != nil {
				if k := *res.RuleIndex; k < 0 || k >= len(d.Rules) || d.Rules[k].ID != res.RuleID {
					add(p+"/ruleIndex", "%d does not point at rule %q", k, res.RuleID)
				}
			}
			if res.Level != nil && !resultLevels[*res.Level] {
				add(p+"/level", "unknown level %q", *res.Level)
			}
			if res.Message.Text == nil || *res.Message.Text == "" {
				add(p+"/message/text", "missing or empty: GitHub needs the formatted text")
			}
			if len(res.Locations) == 0 {
				add(p+"/locations", "missing: GitHub shows no result without a location")
			}
			if len(res.Locations) > maxLocationsPerRes {
				add(p+"/locations", "%d locations, GitHub accepts at most %d", len(res.Locations), maxLocationsPerRes)
			}
			for j, loc := range res.Locations {
				lp := fmt.Sprintf("%s/locations/%d/physicalLocation", p, j)
				checkPhysical(add, lp, loc.PhysicalLocation, true)
			}
			for j, loc := range res.RelatedLocations {
				lp := fmt.Sprintf("%s/relatedLocations/%d/physicalLocation", p, j)
				checkPhysical(add, lp, loc.PhysicalLocation, false)
			}
			if len(res.PartialFingerprints) == 0 {
				add(p+"/partialFingerprints", "missing: without it GitHub cannot match alerts across runs")
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("sarif: %d GitHub code scanning problem(s):\n%s", len(errs), strings.Join(errs, "\n"))
}

func checkPhysical(add func(ptr, format string, args ...any), p string, pl *ghPhysical, primary bool) {
	if pl == nil {
		if primary {
			add(p, "missing")
		}
		return
	}
	uri := pl.ArtifactLocation.URI
	switch {
	case uri == "":
		add(p+"/artifactLocation/uri", "missing")
	case schemeRE.MatchString(uri) && !strings.HasPrefix(strings.ToLower(uri), "file:"):
		add(p+"/artifactLocation/uri", "%q is not a file path: GitHub takes relative URIs or file: URIs", uri)
	case strings.HasPrefix(uri, "/"):
		add(p+"/artifactLocation/uri", "%q: a rooted path is neither relative to the repository nor a file: URI", uri)
	case strings.ContainsAny(uri, " \\") || !isASCII(uri):
		add(p+"/artifactLocation/uri", "%q is not percent-encoded", uri)
	}
	if primary && (pl.Region == nil || pl.Region.StartLine < 1) {
		add(p+"/region/startLine", "missing: GitHub places a result by its start line")
	}
}

// category is GitHub's reading of automationDetails.id: everything before
// the last "/", or nothing.
func category(id string) string {
	if i := strings.LastIndex(id, "/"); i >= 0 {
		return id[:i]
	}
	return ""
}

func textOf(m *ghText) *string {
	if m == nil {
		return nil
	}
	return m.Text
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// The parts of SARIF CheckGitHub reads; pointers tell absent from empty.
type (
	ghLog struct {
		Schema  string  `json:"$schema"`
		Version string  `json:"version"`
		Runs    []ghRun `json:"runs"`
	}
	ghRun struct {
		Tool struct {
			Driver struct {
				Name  string   `json:"name"`
				Rules []ghRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Results []ghResult `json:"results"`
	}
	ghRule struct {
		ID                   string  `json:"id"`
		Name                 string  `json:"name"`
		ShortDescription     *ghText `json:"shortDescription"`
		FullDescription      *ghText `json:"fullDescription"`
		Help                 *ghText `json:"help"`
		DefaultConfiguration *struct {
			Level *string `json:"level"`
		} `json:"defaultConfiguration"`
		Properties struct {
			Tags []string `json:"tags"`
		} `json:"properties"`
	}
	ghText struct {
		Text *string `json:"text"`
	}
	ghResult struct {
		RuleID    string  `json:"ruleId"`
		RuleIndex *int    `json:"ruleIndex"`
		Level     *string `json:"level"`
		Message   ghText  `json:"message"`
		Locations []struct {
			PhysicalLocation *ghPhysical `json:"physicalLocation"`
		} `json:"locations"`
		RelatedLocations []struct {
			PhysicalLocation *ghPhysical `json:"physicalLocation"`
		} `json:"relatedLocations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	}
	ghPhysical struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *struct {
			StartLine int `json:"startLine"`
		} `json:"region"`
	}
)
