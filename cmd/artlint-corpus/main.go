// Command artlint-corpus generates a corpus of realistic article records
// for benchmarks and scale tests: French and English records built from
// the seed records (testdata/records) and the articles in articles.go,
// varied in ids, paragraph order, speakers, dates, lists, quotes and
// footnotes, with a known share of injected defects listed in a manifest.
// The same --seed gives byte-identical output.
//
//	go run ./cmd/artlint-corpus -n 10000 -o /tmp/corpus
//	go run ./cmd/artlint-corpus -n 250000 --ndjson /tmp/big.ndjson
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	n       int
	dir     string
	ndjson  string
	seed    uint64
	defects float64
	from    string
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("artlint-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.n, "n", 1000, "number of records")
	fs.StringVar(&o.dir, "o", "", "write one pretty-printed JSON file per record under `DIR` (1,000 per sub-directory) and DIR/manifest.json")
	fs.StringVar(&o.ndjson, "ndjson", "", "write the records as one NDJSON `FILE` (and FILE.manifest.json)")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed: the same seed gives the same corpus")
	fs.Float64Var(&o.defects, "defects", 0.1, "share of records with one injected defect (0 to 1)")
	fs.StringVar(&o.from, "from", "testdata/records", "`DIR` of seed records (*.json, *.yaml) to build from")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.dir == "" && o.ndjson == "" || o.n < 0 || o.defects < 0 || o.defects > 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: artlint-corpus -n N (-o DIR | --ndjson FILE) [--seed S] [--defects SHARE] [--from DIR]")
		return 2
	}
	g, err := newGenerator(o)
	if err != nil {
		fmt.Fprintln(stderr, "artlint-corpus:", err)
		return 2
	}
	if err := g.generate(); err != nil {
		fmt.Fprintln(stderr, "artlint-corpus:", err)
		return 2
	}
	fr := 0
	for l, n := range g.man.Languages {
		if strings.HasPrefix(l, "fr") {
			fr += n
		}
	}
	fmt.Fprintf(stdout, "%d records (%d French, %d English), %d with an injected defect, %.1f MB of JSON files, %.1f MB of NDJSON\n",
		o.n, fr, o.n-fr, len(g.man.Defective), float64(g.man.Bytes)/1e6, float64(g.man.NDJSONBytes)/1e6)
	return 0
}

// block is a body block; a paragraph (no type) is written as a string.
type block struct {
	Type    string   `json:"type,omitempty"`
	Text    string   `json:"text,omitempty"`
	Speaker string   `json:"speaker,omitempty"`
	Items   []string `json:"items,omitempty"`
}

type footnote struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type person struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// record is written in the schema's member order, as an editor would.
type record struct {
	ID        string     `json:"id"`
	Lang      string     `json:"lang"`
	Title     string     `json:"title"`
	Published string     `json:"published,omitempty"`
	Updated   string     `json:"updated,omitempty"`
	URL       string     `json:"url,omitempty"`
	Summary   string     `json:"summary,omitempty"`
	People    []person   `json:"people,omitempty"`
	Body      []any      `json:"body"`
	Footnotes []footnote `json:"footnotes,omitempty"`
}

// Defect kinds and the rule that must report each.
var defectKinds = []struct{ kind, rule string }{
	{"body-number", "schema"},
	{"bad-date", "schema"},
	{"missing-title", "schema"},
	{"typography", "typography"},
	{"dangling-footnote", "footnote-integrity"},
	{"misspelt-name", "consistent-naming"},
	{"empty-paragraph", "empty-text"},
	{"duplicate-key", "duplicate-key"},
	{"truncated", "syntax"},
}

type defect struct {
	Path string `json:"path,omitempty"`
	Line int    `json:"line,omitempty"` // NDJSON line
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Rule string `json:"rule"`
}

type manifest struct {
	Seed        uint64         `json:"seed"`
	Records     int            `json:"records"`
	DefectShare float64        `json:"defectShare"`
	Bytes       int64          `json:"bytes"`
	NDJSONBytes int64          `json:"ndjsonBytes"`
	Languages   map[string]int `json:"languages"`
	Defects     map[string]int `json:"defects"`
	Defective   []defect       `json:"defective"`
	Note        string         `json:"note"`
}

type generator struct {
	o     options
	bases []article
	// fillers are paragraphs without speaker or footnote, by language,
	// used to bring records to the seed's size.
	fillers map[string][]string
	man     manifest
}

func newGenerator(o options) (*generator, error) {
	g := &generator{o: o, fillers: map[string][]string{}}
	seeds, err := readSeeds(o.from)
	if err != nil {
		return nil, err
	}
	g.bases = append(seeds, builtinArticles...)
	for _, a := range g.bases {
		for _, b := range a.body {
			if b.Type == "" && !strings.Contains(b.Text, "NAME") && !strings.ContainsAny(b.Text, "¹²³") {
				g.fillers[a.lang] = append(g.fillers[a.lang], b.Text)
			}
		}
	}
	g.man = manifest{Seed: o.seed, Records: o.n, DefectShare: o.defects, Languages: map[string]int{}, Defects: map[string]int{},
		Note: "defective lists the injected defects only; the seed's own text has typography findings (straight apostrophes, spaces before » and ;) in every record built from it"}
	return g, nil
}

// readSeeds turns the seed records into articles whose main speaker is
// NAME (full name) and SURNAME, so that the generator can vary him.
func readSeeds(dir string) ([]article, error) {
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	ys, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	paths = append(paths, ys...)
	sort.Strings(paths)
	seen := map[string]bool{}
	var out []article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if strings.HasSuffix(p, ".json") {
			err = json.Unmarshal(data, &m)
		} else {
			err = yaml.Unmarshal(data, &m)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		id, _ := m["id"].(string)
		if seen[id] { // the same seed as JSON and YAML
			continue
		}
		seen[id] = true
		a := seedArticle(m)
		if _, ok := speakers[a.lang]; !ok {
			return nil, fmt.Errorf("%s: language %q: the generator writes French and English records only", p, m["lang"])
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no seed records in %s (run from the repository root, or pass --from)", dir)
	}
	return out, nil
}

func seedArticle(m map[string]any) article {
	name := func(s string) string {
		s = strings.ReplaceAll(s, "Anders Fogh Rasmussen", "NAME")
		return strings.ReplaceAll(s, "Rasmussen", "SURNAME")
	}
	str := func(v any) string { s, _ := v.(string); return name(s) }
	// "fr-CH" and "en-GB" seeds are French and English ones.
	lang, _, _ := strings.Cut(strings.ToLower(str(m["lang"])), "-")
	a := article{slug: str(m["id"]), lang: lang, title: str(m["title"]), summary: str(m["summary"])}
	if ps, _ := m["people"].([]any); len(ps) > 0 {
		p, _ := ps[0].(map[string]any)
		a.role = str(p["role"])
	}
	if a.role == "" {
		a.role = map[string]string{"fr": "secrétaire général", "en": "Secretary General"}[a.lang]
	}
	body, _ := m["body"].([]any)
	for _, b := range body {
		switch b := b.(type) {
		case string:
			a.body = append(a.body, block{Text: name(b)})
		case map[string]any:
			bl := block{Type: str(b["type"]), Text: str(b["text"]), Speaker: str(b["speaker"])}
			items, _ := b["items"].([]any)
			for _, it := range items {
				bl.Items = append(bl.Items, str(it))
			}
			a.body = append(a.body, bl)
		}
	}
	fns, _ := m["footnotes"].([]any)
	for _, f := range fns {
		f, _ := f.(map[string]any)
		a.footnotes = append(a.footnotes, footnote{ID: str(f["id"]), Text: str(f["text"])})
	}
	return a
}

func (g *generator) generate() error {
	var ndjson *bufio.Writer
	if g.o.ndjson != "" {
		if err := os.MkdirAll(filepath.Dir(g.o.ndjson), 0o755); err != nil {
			return err
		}
		f, err := os.Create(g.o.ndjson)
		if err != nil {
			return err
		}
		defer f.Close()
		ndjson = bufio.NewWriterSize(f, 1<<20)
	}
	for i := 0; i < g.o.n; i++ {
		rec, kind, esc := g.record(i)
		g.man.Languages[rec.Lang]++
		var d *defect
		if kind != "" {
			g.man.Defects[kind]++
			d = &defect{ID: rec.ID, Kind: kind}
			for _, k := range defectKinds {
				if k.kind == kind {
					d.Rule = k.rule
				}
			}
		}
		if g.o.dir != "" {
			data := encode(rec, "  ", kind, esc)
			rel := fmt.Sprintf("%03d/%s.json", i/1000, rec.ID)
			path := filepath.Join(g.o.dir, filepath.FromSlash(rel))
			if i%1000 == 0 {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return err
				}
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				return err
			}
			g.man.Bytes += int64(len(data))
			if d != nil {
				d.Path = rel
			}
		}
		if ndjson != nil {
			data := encode(rec, "", kind, esc)
			if _, err := ndjson.Write(data); err != nil {
				return err
			}
			g.man.NDJSONBytes += int64(len(data))
			if d != nil {
				d.Line = i + 1
			}
		}
		if d != nil {
			g.man.Defective = append(g.man.Defective, *d)
		}
	}
	if ndjson != nil {
		if err := ndjson.Flush(); err != nil {
			return err
		}
	}
	man, err := json.MarshalIndent(g.man, "", "  ")
	if err != nil {
		return err
	}
	man = append(man, '\n')
	if g.o.dir != "" {
		if err := os.WriteFile(filepath.Join(g.o.dir, "manifest.json"), man, 0o644); err != nil {
			return err
		}
	}
	if g.o.ndjson != "" {
		return os.WriteFile(g.o.ndjson+".manifest.json", man, 0o644)
	}
	return nil
}

// record builds record i from its own random stream, so that a record does
// not depend on the ones before it. It returns the injected defect kind
// ("" for none) and whether to write non-ASCII as \u escapes.
func (g *generator) record(i int) (*record, string, bool) {
	r := rand.New(rand.NewPCG(g.o.seed, uint64(i)))
	// The French seed is the most common base (three chances in
	// len(bases)+2), as in the archive it comes from.
	base := g.bases[0]
	if k := r.IntN(len(g.bases) + 2); k >= 3 {
		base = g.bases[k-2]
	}
	pool := speakers[base.lang]
	name := pool[r.IntN(len(pool))]
	surname := name[strings.LastIndexByte(name, ' ')+1:]
	sub := func(s string) string {
		s = strings.ReplaceAll(s, "SURNAME", surname)
		return strings.ReplaceAll(s, "NAME", name)
	}
	rec := &record{
		ID:    fmt.Sprintf("%s-%06d", base.slug, i),
		Lang:  base.lang,
		Title: sub(base.title),
	}
	if base.lang == "fr" && r.IntN(8) == 0 {
		rec.Lang = []string{"fr-FR", "fr-BE", "fr-CH"}[r.IntN(3)]
	} else if base.lang == "en" && r.IntN(8) == 0 {
		rec.Lang = []string{"en-GB", "en-US"}[r.IntN(2)]
	}
	if r.IntN(2) == 0 {
		rec.Summary = sub(base.summary)
	}
	pub := 1_200_000_000 + r.Int64N(500_000_000)
	if r.IntN(4) > 0 {
		rec.Published = rfc3339(pub, r.IntN(3))
		if r.IntN(2) == 0 {
			rec.Updated = rfc3339(pub+r.Int64N(200_000), r.IntN(3))
		}
	}
	if r.IntN(2) == 0 {
		rec.URL = "https://www.example.org/" + base.lang + "/news/" + rec.ID
	}
	if r.IntN(2) == 0 {
		rec.People = []person{{Name: name, Role: base.role}}
	}

	// Body: the lead stays first; the other blocks keep their relative
	// order most of the time and are sometimes swapped or dropped.
	blocks := append([]block(nil), base.body...)
	for k := 1; k+1 < len(blocks); k++ {
		if r.IntN(4) == 0 {
			blocks[k], blocks[k+1] = blocks[k+1], blocks[k]
		}
	}
	target := 2600 + r.IntN(2000) // bytes of text, to average the seed's 4.7 kB file
	size := 0
	marker := false
	var body []any
	for k, b := range blocks {
		if k > 0 && r.IntN(10) == 0 && !strings.Contains(b.Text, "NAME") {
			continue
		}
		b.Text, b.Speaker = sub(b.Text), sub(b.Speaker)
		if b.Type == "list" {
			b.Items = append([]string(nil), b.Items...)
			r.Shuffle(len(b.Items), func(x, y int) { b.Items[x], b.Items[y] = b.Items[y], b.Items[x] })
		}
		marker = marker || strings.ContainsAny(b.Text, "¹²³")
		size += len(b.Text) + 4
		body = append(body, blockValue(b))
	}
	for fill := g.fillers[base.lang]; size < target && len(fill) > 0; {
		p := fill[r.IntN(len(fill))]
		size += len(p) + 4
		body = append(body, p)
	}
	rec.Body = body
	if marker {
		for _, f := range base.footnotes {
			rec.Footnotes = append(rec.Footnotes, footnote{ID: f.ID, Text: sub(f.Text)})
		}
	}

	kind := ""
	if r.Float64() < g.o.defects {
		kind = defectKinds[r.IntN(len(defectKinds))].kind
		g.inject(r, rec, kind, name)
	}
	return rec, kind, r.IntN(4) == 0
}

func blockValue(b block) any {
	if b.Type == "" {
		return b.Text
	}
	return b
}

func rfc3339(sec int64, zone int) string {
	offs := []int64{0, 3600, 7200}
	t := sec + offs[zone]
	days := t / 86400
	rem := t % 86400
	y, m, d := civil(days)
	z := "Z"
	if zone > 0 {
		z = fmt.Sprintf("+%02d:00", zone)
	}
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, rem/3600, rem%3600/60, rem%60, z)
}

// civil converts days since 1970-01-01 to a date (Howard Hinnant's
// algorithm), to stay clear of the local time zone.
func civil(z int64) (int64, int64, int64) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
		y++
	}
	return y, m, d
}

// inject adds one defect of the kind to the record; the textual ones
// (duplicate key, truncation) are made by encode.
func (g *generator) inject(r *rand.Rand, rec *record, kind, name string) {
	switch kind {
	case "body-number":
		rec.Body = append(rec.Body, 42)
	case "bad-date":
		rec.Published = map[string]string{"fr": "4 juin 2012", "en": "June 4, 2012"}[rec.Lang[:2]]
	case "missing-title":
		rec.Title = ""
	case "empty-paragraph":
		k := 1 + r.IntN(len(rec.Body)-1)
		rec.Body = append(rec.Body[:k], append([]any{"  "}, rec.Body[k:]...)...)
	case "dangling-footnote":
		// A marker whose footnote was never written.
		n := len(rec.Footnotes) + 1
		sup := []string{"¹", "²", "³", "⁴"}[min(n, 4)-1]
		for k := len(rec.Body) - 1; k >= 0; k-- {
			if s, ok := rec.Body[k].(string); ok && strings.HasSuffix(s, ".") {
				rec.Body[k] = s + sup
				break
			}
		}
	case "misspelt-name":
		// The people list keeps the right spelling; one mention in the
		// text gets a typo.
		rec.People = []person{{Name: name}}
		bad := misspell(name)
		for k := len(rec.Body) - 1; k >= 0; k-- {
			if s, ok := rec.Body[k].(string); ok && strings.Contains(s, name) {
				rec.Body[k] = strings.Replace(s, name, bad, 1)
				return
			}
			if b, ok := rec.Body[k].(block); ok && strings.Contains(b.Text, name) {
				b.Text = strings.Replace(b.Text, name, bad, 1)
				rec.Body[k] = b
				return
			}
		}
		rec.Body = append(rec.Body, map[string]string{"fr": "Interrogé, M. ", "en": "Asked about it, "}[rec.Lang[:2]]+bad+
			map[string]string{"fr": " n’a pas souhaité commenter.", "en": " declined to comment."}[rec.Lang[:2]])
	case "typography":
		// French: an ordinary space before a colon or semicolon. English:
		// a paragraph pasted with straight double quotes into a record
		// that uses curly ones (every English base quotes with “ ”).
		if strings.HasPrefix(rec.Lang, "fr") {
			for k, b := range rec.Body {
				s, ok := b.(string)
				if !ok {
					continue
				}
				for _, m := range []string{nbsp + ":", nnbsp + ";"} {
					if strings.Contains(s, m) {
						rec.Body[k] = strings.Replace(s, m, " "+m[len(m)-1:], 1)
						return
					}
				}
			}
			rec.Body = append(rec.Body, "Le texte sera examiné la semaine prochaine : aucun calendrier n’a encore été fixé.")
			return
		}
		rec.Body = append(rec.Body, `A spokesman called the plan "ambitious but achievable" and said details would follow next week.`)
	}
}

// encode writes the record as pretty JSON (indent "  ") or one NDJSON line
// (indent ""), applying the textual defects and, when esc is set, writing
// non-ASCII as \u escapes as some exporters do.
func encode(rec *record, indent, kind string, esc bool) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(rec); err != nil {
		panic(err) // only strings, numbers and slices: cannot fail
	}
	data := buf.Bytes()
	if esc {
		data = escapeNonASCII(data)
	}
	switch kind {
	case "duplicate-key":
		// An earlier id left above the real one by a merge.
		sep := " "
		if indent == "" {
			sep = ""
		}
		head := "{\n" + indent + `"id":` + sep + `"`
		if indent == "" {
			head = `{"id":"`
		}
		if bytes.HasPrefix(data, []byte(head)) {
			dup := `"id":` + sep + `"draft-` + rec.ID + `",`
			if indent != "" {
				dup += "\n" + indent
			}
			at := len(head) - len(`"id":`+sep+`"`)
			data = append(data[:at:at], append([]byte(dup), data[at:]...)...)
		}
	case "truncated":
		// A file cut short by an interrupted copy.
		data = append(data[:len(data)*2/3:len(data)*2/3], '\n')
	}
	return data
}

func escapeNonASCII(data []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		c, size := utf8.DecodeRune(data)
		switch {
		case c < utf8.RuneSelf:
			out.WriteByte(data[0])
		case c > 0xFFFF:
			c -= 0x10000
			fmt.Fprintf(&out, `\u%04x\u%04x`, 0xD800+(c>>10), 0xDC00+(c&0x3FF))
		default:
			fmt.Fprintf(&out, `\u%04x`, c)
		}
		data = data[size:]
	}
	return out.Bytes()
}
