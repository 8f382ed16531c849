package report

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/artlint/artlint/rules"
)

// SARIFOptions configures WriteSARIF.
type SARIFOptions struct {
	// SrcRoot is the absolute directory relative paths are relative to
	// (the working directory). It becomes %SRCROOT% in originalUriBaseIds;
	// empty leaves %SRCROOT% for the consumer to define, as GitHub does
	// with the checkout path.
	SrcRoot string
	// Category is GitHub's analysis category, written as
	// run.automationDetails.id. GitHub takes everything before the last
	// "/" as the category, so a "/" is appended when there is none.
	Category string
}

const (
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	srcRootID      = "%SRCROOT%"
	// FingerprintKey names artlint's fingerprint in partialFingerprints.
	// The "/v1" lets the computation change without old alerts matching
	// new ones by accident.
	FingerprintKey = "artlintFingerprint/v1"
	// GitHub shows at most this much of a rule's descriptions.
	maxDescription = 1024
	// MaxSARIFResults is the most results GitHub code scanning accepts in
	// a run; WriteSARIF keeps the first ones, in the run's order, and says
	// how many it left out in a notification.
	MaxSARIFResults = 25000
)

// WriteSARIF writes the run as a SARIF 2.1.0 log with one run, shaped for
// GitHub code scanning as well as for the OASIS schema. The output depends
// only on its inputs: no timestamps, no map order.
func WriteSARIF(w io.Writer, run *Run, tool Tool, opts SARIFOptions) error {
	s := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            tool.Name,
			Version:         numericVersion(tool.Version),
			SemanticVersion: semanticVersion(tool.Version),
			InformationURI:  tool.InformationURI,
		}},
		ColumnKind: "utf16CodeUnits",
		Results:    make([]sarifResult, 0, len(run.Findings)),
	}
	if s.Tool.Driver.Name == "" {
		return fmt.Errorf("sarif: the tool needs a name")
	}
	var sw sarifWriter
	var workDir *sarifArtifactLocation
	if opts.SrcRoot != "" {
		root, err := srcRootURI(opts.SrcRoot)
		if err != nil {
			return err
		}
		sw.root = strings.TrimSuffix(filepath.ToSlash(opts.SrcRoot), "/") + "/"
		s.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRootID: {URI: root}}
		// GitHub turns absolute file: URIs under the working directory
		// into repository paths with this (and GH1006 asks for it).
		workDir = &sarifArtifactLocation{URI: root}
	}
	if opts.Category != "" {
		id := opts.Category
		if !strings.Contains(id, "/") {
			id += "/"
		}
		s.AutomationDetails = &sarifAutomationDetails{ID: id}
	}

	// Rules: those that ran, then any a finding names that is not among
	// them, so that every ruleIndex points somewhere.
	index := map[string]int{}
	s.Tool.Driver.Rules = []sarifRule{}
	for _, r := range run.Rules {
		if r == nil || r.ID == "" {
			continue
		}
		if _, dup := index[r.ID]; dup {
			continue
		}
		index[r.ID] = len(s.Tool.Driver.Rules)
		s.Tool.Driver.Rules = append(s.Tool.Driver.Rules, ruleDescriptor(r, tool))
	}
	var unknown []string
	for i := range run.Findings {
		id := run.Findings[i].RuleID
		if id == "" {
			// GitHub files alerts by rule; a result without one is a bug upstream.
			return fmt.Errorf("sarif: finding %q at %s has no rule id", run.Findings[i].Message, run.Findings[i].Location.Path)
		}
		if _, ok := index[id]; !ok {
			index[id] = -1
			unknown = append(unknown, id)
		}
	}
	sort.Strings(unknown)
	for _, id := range unknown {
		index[id] = len(s.Tool.Driver.Rules)
		s.Tool.Driver.Rules = append(s.Tool.Driver.Rules, undocumentedRule(id, tool))
	}

	kept := run.Findings
	if len(kept) > MaxSARIFResults {
		kept = kept[:MaxSARIFResults]
	}
	for i := range kept {
		s.Results = append(s.Results, sw.result(&kept[i], index[kept[i].RuleID]))
	}

	inv := sarifInvocation{ExecutionSuccessful: run.Success, WorkingDirectory: workDir}
	for _, n := range run.Notifications {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sw.notification(n))
	}
	if left := len(run.Findings) - len(kept); left > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifText{Text: fmt.Sprintf("%d of %d results left out: GitHub code scanning rejects a run with more than %d; the text, json and other formats list them all",
				left, len(run.Findings), MaxSARIFResults)},
		})
	}
	s.Invocations = []sarifInvocation{inv}

	return encodeJSON(w, sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{s}})
}

func ruleDescriptor(r *rules.Rule, tool Tool) sarifRule {
	doc := plainText(r.Doc)
	helpText, helpMD := doc, strings.TrimSpace(r.Doc)
	for _, ex := range []struct{ label, text string }{{"Bad:", r.Bad}, {"Good:", r.Good}} {
		if strings.TrimSpace(ex.text) == "" {
			continue
		}
		helpText += "\n\n" + ex.label + "\n\n" + indent(ex.text, "    ")
		helpMD += "\n\n" + ex.label + "\n\n" + codeBlock(ex.text)
	}
	helpText, helpMD = strings.TrimSpace(helpText), strings.TrimSpace(helpMD)
	d := sarifRule{
		ID:               r.ID,
		Name:             friendlyName(r.ID),
		ShortDescription: sarifText{Text: limit(sentence(r.Title), maxDescription)},
		FullDescription:  sarifText{Text: limit(doc, maxDescription)},
		Help:             &sarifMultiformat{Text: helpText, Markdown: helpMD},
		HelpURI:          helpURI(tool, r.ID),
	}
	if d.ShortDescription.Text == "" {
		d.ShortDescription.Text = fmt.Sprintf("Rule '%s'.", r.ID)
	}
	if d.FullDescription.Text == "" {
		d.FullDescription.Text = d.ShortDescription.Text
	}
	if d.Help.Text == "" {
		d.Help = nil
	}
	// GitHub knows only note, warning and error as default levels; a rule
	// that is off by default says so with "enabled" instead.
	if r.Level == rules.LevelNone {
		off := false
		d.DefaultConfiguration = &sarifConfiguration{Enabled: &off}
	} else {
		d.DefaultConfiguration = &sarifConfiguration{Level: r.Level.String()}
	}
	props := &sarifRuleProperties{Tags: uniqueStrings(r.Tags), ProblemSeverity: problemSeverity(r.Level)}
	if len(props.Tags) > 0 || props.ProblemSeverity != "" {
		d.Properties = props
	}
	return d
}

// undocumentedRule describes a rule a finding names but the run does not
// list, so the log stays consistent and GitHub still has the required
// descriptions to show.
func undocumentedRule(id string, tool Tool) sarifRule {
	desc := sarifText{Text: fmt.Sprintf("Findings reported under the rule id '%s'.", id)}
	return sarifRule{
		ID:               id,
		Name:             friendlyName(id),
		ShortDescription: desc,
		FullDescription:  desc,
		Help:             &sarifMultiformat{Text: desc.Text},
		HelpURI:          helpURI(tool, id),
	}
}

func helpURI(tool Tool, id string) string {
	if tool.RuleURI == nil {
		return ""
	}
	return tool.RuleURI(id)
}

// problemSeverity is GitHub's severity for non-security rules, which it
// uses with the level to order and filter alerts.
func problemSeverity(l rules.Level) string {
	switch l {
	case rules.LevelError:
		return "error"
	case rules.LevelWarning:
		return "warning"
	case rules.LevelNote:
		return "recommendation"
	}
	return ""
}

func (sw sarifWriter) result(f *Finding, ruleIndex int) sarifResult {
	res := sarifResult{
		RuleID:        f.RuleID,
		RuleIndex:     ruleIndex,
		Level:         f.Level.String(),
		Message:       sarifText{Text: f.Message},
		BaselineState: f.BaselineState,
	}
	if f.Location.Path != "" {
		loc := sw.location(f.Location)
		if loc.PhysicalLocation.Region == nil {
			// GitHub places a result by its start line and drops one
			// without; line 1 is where a whole-file finding begins.
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: 1}
		}
		res.Locations = []sarifLocation{loc}
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
	}
	for i, r := range f.Related {
		loc := sw.location(r)
		loc.ID = i + 1
		if r.Message != "" {
			loc.Message = &sarifText{Text: r.Message}
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	for _, fx := range f.Fixes {
		if sf, ok := sw.fix(fx); ok {
			res.Fixes = append(res.Fixes, sf)
		}
	}
	for _, sup := range f.Suppressions {
		kind := sup.Kind
		if kind != "inSource" && kind != "external" {
			// The schema knows only these two; anything else came from
			// configuration, which is outside the file.
			kind = "external"
		}
		res.Suppressions = append(res.Suppressions, sarifSuppression{Kind: kind, Justification: sup.Justification})
	}
	return res
}

// fix groups a fix's edits by file, in the order the files first
// appear. A fix without edits has nothing to say in SARIF.
func (sw sarifWriter) fix(fx Fix) (sarifFix, bool) {
	var sf sarifFix
	if fx.Description != "" {
		sf.Description = &sarifText{Text: fx.Description}
	}
	byPath := map[string]int{}
	for _, e := range fx.Edits {
		i, ok := byPath[e.Location.Path]
		if !ok {
			i = len(sf.ArtifactChanges)
			byPath[e.Location.Path] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: sw.artifact(e.Location.Path)})
		}
		rep := sarifReplacement{DeletedRegion: regionOf(e.Location, false)}
		if e.NewText != "" {
			rep.InsertedContent = &sarifText{Text: e.NewText}
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
	}
	return sf, len(sf.ArtifactChanges) > 0
}

func (sw sarifWriter) notification(n Notification) sarifNotification {
	sn := sarifNotification{Level: n.Level.String(), Message: sarifText{Text: n.Message}}
	if n.Path != "" {
		loc := sarifLocation{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: sw.artifact(n.Path)}}
		if n.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: n.Line, StartColumn: n.Column}
		}
		sn.Locations = []sarifLocation{loc}
	}
	if n.RuleID != "" {
		sn.AssociatedRule = &sarifReportingDescriptorReference{ID: n.RuleID}
	}
	return sn
}

func (sw sarifWriter) location(l Location) sarifLocation {
	loc := sarifLocation{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: sw.artifact(l.Path)}}
	// A location on a whole file (line 0) has no region: SARIF reads that
	// as the whole artifact.
	if l.Line > 0 {
		r := regionOf(l, true)
		loc.PhysicalLocation.Region = &r
	}
	if l.Pointer != "" {
		// SARIF's kinds for JSON are object, array, property and value; a
		// JSON Pointer names a value.
		loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: l.Pointer, Kind: "value"}}
	}
	return loc
}

func regionOf(l Location, snippet bool) sarifRegion {
	r := sarifRegion{StartLine: l.Line, StartColumn: l.Column, EndLine: l.EndLine, EndColumn: l.EndColumn}
	if snippet && l.Snippet != "" {
		r.Snippet = &sarifText{Text: l.Snippet}
	}
	return r
}

// sarifWriter holds what turning paths into URIs needs.
type sarifWriter struct {
	// root is SARIFOptions.SrcRoot, slash-separated and ending in "/", or "".
	root string
}

// artifact makes a slash-separated path a URI: relative paths, and
// absolute ones under the source root, become relative references resolved
// against %SRCROOT% (GitHub resolves them against the repository root);
// other absolute paths become file: URIs.
func (sw sarifWriter) artifact(path string) sarifArtifactLocation {
	if sw.root != "" && strings.HasPrefix(path, sw.root) {
		path = path[len(sw.root):]
	}
	switch {
	case strings.HasPrefix(path, "//"): // UNC: //server/share/...
		return sarifArtifactLocation{URI: "file:" + escapePath(path)}
	case strings.HasPrefix(path, "/"):
		return sarifArtifactLocation{URI: "file://" + escapePath(path)}
	case hasDrive(path):
		return sarifArtifactLocation{URI: "file:///" + path[:2] + escapePath(path[2:])}
	}
	return sarifArtifactLocation{URI: escapePath(path), URIBaseID: srcRootID}
}

func hasDrive(p string) bool {
	return len(p) >= 3 && p[1] == ':' && (p[2] == '/' || p[2] == '\\') &&
		('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// srcRootURI makes the absolute directory dir a file: URI ending in "/",
// which SARIF needs for relative references to resolve beneath it.
func srcRootURI(dir string) (string, error) {
	if !filepath.IsAbs(dir) {
		return "", fmt.Errorf("sarif: source root %q is not an absolute path", dir)
	}
	p := filepath.ToSlash(dir)
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if hasDrive(p) {
		return "file:///" + p[:2] + escapePath(p[2:]), nil
	}
	return "file://" + escapePath(p), nil
}

// escapePath percent-encodes a slash-separated path as the path of a URI
// reference (RFC 3986): UTF-8 bytes outside the unreserved and a few safe
// sub-delimiters are escaped, so spaces and accented names survive and a
// colon can never be taken for a scheme.
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~/!$&'()*+,;=@", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// pascalCase turns a kebab-case rule id into the PascalCase friendly name
// SARIF recommends: "stated-count" → "StatedCount".
func pascalCase(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		if r == '-' || r == '_' || r == '.' || r == '/' || unicode.IsSpace(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// friendlyName is the rule's SARIF name, or "" when it would differ from
// the id only in case ("schema" → "Schema"): SARIF1001 wants id and name
// distinct, and the name is optional.
func friendlyName(id string) string {
	if n := pascalCase(id); !strings.EqualFold(n, id) {
		return n
	}
	return ""
}

// sentence ends a title with a period, as SARIF's authoring rules want for
// plain-text descriptions; Rule.Title has none by convention.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// limit keeps s within n characters: whole paragraphs if the first fits,
// else whole words, marking the cut with an ellipsis.
func limit(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	paras := strings.Split(s, "\n\n")
	kept := ""
	for _, p := range paras {
		next := p
		if kept != "" {
			next = kept + "\n\n" + p
		}
		if utf8.RuneCountInString(next) > n-1 {
			break
		}
		kept = next
	}
	if kept != "" {
		return kept + "…"
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > 0 {
		cut = strings.TrimRightFunc(cut[:i], unicode.IsSpace)
	}
	return cut + "…"
}

func uniqueStrings(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// semverRE is the regular expression semver.org gives for SemVer 2.0.
var semverRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)
})

// numericVersion drops the "v" of a Go-style "v1.2.3": SARIF2005 wants
// version to start with a number so versions compare.
func numericVersion(v string) string {
	if len(v) > 1 && v[0] == 'v' && '0' <= v[1] && v[1] <= '9' {
		return v[1:]
	}
	return v
}

// semanticVersion returns v without a leading "v" when it is a SemVer 2.0
// version, else "": GitHub prefers semanticVersion over version, so it
// must not carry something like "(devel)".
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if semverRE().MatchString(v) {
		return v
	}
	return ""
}

// The SARIF object model, as far as artlint uses it. Optional parts are
// omitted when empty; the schema forbids null.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	AutomationDetails  *sarifAutomationDetails          `json:"automationDetails,omitempty"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Invocations        []sarifInvocation                `json:"invocations"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string               `json:"id"`
	Name                 string               `json:"name,omitempty"`
	ShortDescription     sarifText            `json:"shortDescription"`
	FullDescription      sarifText            `json:"fullDescription"`
	Help                 *sarifMultiformat    `json:"help,omitempty"`
	HelpURI              string               `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifConfiguration  `json:"defaultConfiguration,omitempty"`
	Properties           *sarifRuleProperties `json:"properties,omitempty"`
}

type sarifConfiguration struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level,omitempty"`
}

type sarifRuleProperties struct {
	Tags            []string `json:"tags,omitempty"`
	ProblemSeverity string   `json:"problem.severity,omitempty"`
}

// sarifText serves as message, multiformatMessageString and artifactContent
// alike: artlint only ever fills in their text.
type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifAutomationDetails struct {
	ID string `json:"id"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                   `json:"executionSuccessful"`
	WorkingDirectory           *sarifArtifactLocation `json:"workingDirectory,omitempty"`
	ToolExecutionNotifications []sarifNotification    `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level          string                             `json:"level"`
	Message        sarifText                          `json:"message"`
	Locations      []sarifLocation                    `json:"locations,omitempty"`
	AssociatedRule *sarifReportingDescriptorReference `json:"associatedRule,omitempty"`
}

type sarifReportingDescriptorReference struct {
	ID string `json:"id"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	BaselineState       string             `json:"baselineState,omitempty"`
}

type sarifLocation struct {
	ID               int                    `json:"id,omitempty"` // related locations count from 1
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	Message          *sarifText             `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine,omitempty"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndLine     int        `json:"endLine,omitempty"`
	EndColumn   int        `json:"endColumn,omitempty"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifFix struct {
	Description     *sarifText            `json:"description,omitempty"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}
