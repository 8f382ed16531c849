package schemas

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/artlint/artlint/rules"
)

// explain turns a validation error tree into one diagnostic per failing
// value: the leaf causes, not the "doesn't validate with" wrappers, and
// one finding for a value that matches no alternative of a oneOf/anyOf.
func (sc *Schema) explain(rec *rules.Record, root *jsonschema.ValidationError) []rules.Diagnostic {
	var out []rules.Diagnostic
	seen := map[string]bool{}
	emit := func(d rules.Diagnostic) {
		key := d.Pointer + "\x00" + d.Message
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		switch lastToken(e.KeywordLocation) {
		case "oneOf", "anyOf":
			if len(e.Causes) == 0 {
				// Valid against several branches of a oneOf.
				emit(sc.leaf(rec, e))
				return
			}
			if branch := pickBranch(e); branch != nil {
				for _, l := range leaves(branch) {
					emit(sc.leaf(rec, l))
				}
				return
			}
			emit(sc.alternatives(rec, e))
			return
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		emit(sc.leaf(rec, e))
	}
	walk(root)
	return out
}

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

// pickBranch finds the one alternative the value was evidently meant to
// match: right JSON type and right "type" discriminator, failing only
// inside. Then its own errors are more useful than a list of alternatives.
func pickBranch(e *jsonschema.ValidationError) *jsonschema.ValidationError {
	var pick *jsonschema.ValidationError
	for _, branch := range e.Causes {
		ok := true
		for _, l := range leaves(branch) {
			kw := lastToken(l.KeywordLocation)
			if l.InstanceLocation == e.InstanceLocation && (kw == "type" || kw == "oneOf" || kw == "anyOf") ||
				l.InstanceLocation == e.InstanceLocation+"/type" && (kw == "const" || kw == "enum" || kw == "type") {
				ok = false
				break
			}
		}
		if ok {
			if pick != nil {
				return nil
			}
			pick = branch
		}
	}
	return pick
}

func lastToken(ptr string) string {
	if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
		return ptr[i+1:]
	}
	return ptr
}

func parentPointer(ptr string) string {
	if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
		return ptr[:i]
	}
	return ptr
}

// locate finds the node an instance location names, and a span to report:
// a scalar whole, a container by its first character.
func locate(rec *rules.Record, ptr string) (*rules.Node, rules.Span) {
	// jsonschema percent-encodes the tokens of instance locations
	// ("/names/Anders%20Fogh%20Rasmussen").
	if u, err := url.PathUnescape(ptr); err == nil {
		ptr = u
	}
	n := rec.Root.Lookup(ptr)
	if n == nil {
		n = rec.Root
	}
	sp := n.Span
	if n.Kind == rules.Object || n.Kind == rules.Array {
		sp.End = sp.Start + 1
	}
	return n, sp
}

// describe says what a value is, for "found …".
func describe(n *rules.Node) string {
	switch n.Kind {
	case rules.String:
		if n.Str == "" {
			return "an empty string"
		}
		return "the string " + shortQuote(n.Str)
	case rules.Number:
		return "the number " + n.Str
	case rules.Bool:
		return "the boolean " + n.Str
	case rules.Null:
		return "null"
	case rules.Array:
		return fmt.Sprintf("an array of %d items", len(n.Items))
	}
	if t := n.Get("type"); t != nil && t.Kind == rules.String {
		return "an object whose type is " + shortQuote(t.Str)
	}
	return "an object"
}

func shortQuote(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:37]) + "…"
	}
	return strconv.Quote(s)
}

var articles = map[string]string{
	"string": "a string", "number": "a number", "integer": "an integer", "boolean": "a boolean",
	"object": "an object", "array": "an array", "null": "null",
}

func (sc *Schema) alternatives(rec *rules.Record, e *jsonschema.ValidationError) rules.Diagnostic {
	n, sp := locate(rec, e.InstanceLocation)
	what := fmt.Sprintf("a value that matches one of %d alternatives", len(e.Causes))
	if parent, ok := sc.set.keyword(parentPointerAbs(e.AbsoluteKeywordLocation)).(map[string]any); ok {
		title, _ := parent["title"].(string)
		desc, _ := parent["description"].(string)
		switch {
		case title != "" && desc != "":
			what = fmt.Sprintf("a %s (%s)", title, desc)
		case desc != "":
			what = desc
		case title != "":
			what = "a " + title
		}
	}
	where := "record: "
	if n.Pointer != "" {
		where = n.Pointer + ": "
	}
	return rules.Diagnostic{Span: sp, Pointer: n.Pointer,
		Message: fmt.Sprintf("%sexpected %s; found %s", where, what, describe(n))}
}

func parentPointerAbs(abs string) string {
	base, ptr, _ := strings.Cut(abs, "#")
	return base + "#" + parentPointer(ptr)
}

func (sc *Schema) leaf(rec *rules.Record, e *jsonschema.ValidationError) rules.Diagnostic {
	n, sp := locate(rec, e.InstanceLocation)
	kw := lastToken(e.KeywordLocation)
	raw, _ := sc.set.keyword(parentPointerAbs(e.AbsoluteKeywordLocation)).(map[string]any)
	d := rules.Diagnostic{Span: sp, Pointer: n.Pointer}
	field := ""
	if n.Pointer != "" {
		field = n.Pointer + ": "
	}
	switch kw {
	case "type":
		want := strings.TrimPrefix(e.Message, "expected ")
		if i := strings.Index(want, ", but got"); i >= 0 {
			want = want[:i]
		}
		var names []string
		for _, t := range strings.Split(want, " or ") {
			if a, ok := articles[t]; ok {
				t = a
			}
			names = append(names, t)
		}
		d.Message = fmt.Sprintf("%sexpected %s, found %s", field, strings.Join(names, " or "), describe(n))
	case "required":
		var missing []string
		if req, ok := raw["required"].([]any); ok {
			for _, r := range req {
				if k, ok := r.(string); ok && n.Get(k) == nil {
					missing = append(missing, strconv.Quote(k))
				}
			}
		}
		if len(missing) == 1 {
			d.Message = fmt.Sprintf("%smissing required member %s", objectName(n), missing[0])
		} else {
			d.Message = fmt.Sprintf("%smissing required members %s", objectName(n), strings.Join(missing, ", "))
		}
	case "additionalProperties", "unevaluatedProperties":
		// One finding per unknown member, at its key.
		allowed := propertyNames(raw)
		var unknown []rules.Field
		for _, f := range n.Fields {
			if _, ok := raw["properties"].(map[string]any)[f.Key]; !ok {
				unknown = append(unknown, f)
			}
		}
		if len(unknown) > 0 {
			f := unknown[0]
			d.Span, d.Pointer = f.KeySpan, f.Value.Pointer
			d.Message = fmt.Sprintf("%sunknown member %q; allowed: %s", objectName(n), f.Key, strings.Join(allowed, ", "))
			if len(unknown) > 1 {
				var names []string
				for _, u := range unknown {
					names = append(names, strconv.Quote(u.Key))
				}
				d.Message = fmt.Sprintf("%sunknown members %s; allowed: %s", objectName(n), strings.Join(names, ", "), strings.Join(allowed, ", "))
			}
		}
	case "enum":
		var vals []string
		if en, ok := raw["enum"].([]any); ok {
			for _, v := range en {
				vals = append(vals, jsonText(v))
			}
		}
		d.Message = fmt.Sprintf("%sexpected one of %s, found %s", field, strings.Join(vals, ", "), describe(n))
	case "const":
		d.Message = fmt.Sprintf("%sexpected %s, found %s", field, jsonText(raw["const"]), describe(n))
	case "format":
		f, _ := raw["format"].(string)
		d.Message = fmt.Sprintf("%sexpected %s, found %s", field, formatName(f), describe(n))
	case "pattern":
		p, _ := raw["pattern"].(string)
		d.Message = fmt.Sprintf("%s%s does not match the pattern %s", field, describe(n), p)
		if desc, ok := raw["description"].(string); ok {
			d.Message += " (" + strings.TrimSuffix(desc, ".") + ")"
		}
	case "minLength":
		d.Message = fmt.Sprintf("%sexpected at least %s, found %s", field, plural(raw["minLength"], "character"), describe(n))
	case "maxLength":
		d.Message = fmt.Sprintf("%sexpected at most %s, found %d", field, plural(raw["maxLength"], "character"), utf8.RuneCountInString(n.Str))
	case "minItems":
		d.Message = fmt.Sprintf("%sexpected at least %s, found %s", field, plural(raw["minItems"], "item"), describe(n))
	case "maxItems":
		d.Message = fmt.Sprintf("%sexpected at most %s, found %s", field, plural(raw["maxItems"], "item"), describe(n))
	default:
		d.Message = fmt.Sprintf("%s%s", field, e.Message)
	}
	return d
}

func objectName(n *rules.Node) string {
	if n.Pointer == "" {
		return "record: "
	}
	return n.Pointer + ": "
}

func propertyNames(raw map[string]any) []string {
	props, _ := raw["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func jsonText(v any) string {
	switch t := v.(type) {
	case string:
		return strconv.Quote(t)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

func plural(v any, unit string) string {
	n := fmt.Sprint(v)
	if n == "1" {
		return "1 " + unit
	}
	return n + " " + unit + "s"
}

var formatNames = map[string]string{
	"date-time": "an RFC 3339 date-time such as 2012-06-04T17:06:00+02:00",
	"date":      "an RFC 3339 full-date such as 2012-06-04",
	"uri":       "an absolute URI such as https://www.example.org/news/1",
	"email":     "an e-mail address",
}

func formatName(f string) string {
	if s, ok := formatNames[f]; ok {
		return s
	}
	return "a valid " + f
}
