package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// SARIFInput is one SARIF log to merge, with the name errors refer to.
type SARIFInput struct {
	Name string
	Data []byte
}

// MergeSARIF joins the runs of several SARIF logs written by the same tool
// (the shards of one lint, `--shard K/N`) into one log with one run:
// rules de-duplicated by id (the first description wins) and every
// result's ruleIndex remapped to the merged list, results sorted as one
// unsharded run sorts them, the tool notifications of every run kept, and
// executionSuccessful true only if every run succeeded. Members it does
// not know are kept as they are (from the first run for run-level ones),
// so that the merge does not lose what a newer writer adds.
func MergeSARIF(inputs []SARIFInput) ([]byte, error) {
	if len(inputs) == 0 {
		return nil, errors.New("no SARIF files to merge")
	}
	var (
		out       map[string]any // the first run, as the template
		driver    map[string]any
		rules     []any
		ruleIndex = map[string]int{}
		results   []any
		notes     []any
		success   = true
		baseIDs   = map[string]any{}
		tool      string
		schemaURI any
	)
	for _, in := range inputs {
		log, err := decodeSARIFLog(in.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Name, err)
		}
		if schemaURI == nil {
			schemaURI = log["$schema"]
		}
		runs, _ := log["runs"].([]any)
		for ri, r := range runs {
			run, ok := r.(map[string]any)
			where := fmt.Sprintf("%s: runs[%d]", in.Name, ri)
			if !ok {
				return nil, fmt.Errorf("%s: not an object", where)
			}
			d := objectAt(run, "tool", "driver")
			name, _ := d["name"].(string)
			if name == "" {
				return nil, fmt.Errorf("%s: tool.driver.name is missing", where)
			}
			if out == nil {
				out, driver, tool = run, d, name
			} else if name != tool {
				return nil, fmt.Errorf("%s: written by %q, not %q: only the shards of one tool's run can be merged", where, name, tool)
			}
			// This run's rule indices → merged indices.
			local := map[int]int{}
			runRules, _ := d["rules"].([]any)
			for i, rd := range runRules {
				id, _ := objectOf(rd)["id"].(string)
				if id == "" {
					return nil, fmt.Errorf("%s: tool.driver.rules[%d] has no id", where, i)
				}
				k, seen := ruleIndex[id]
				if !seen {
					k = len(rules)
					ruleIndex[id] = k
					rules = append(rules, rd)
				}
				local[i] = k
			}
			for k, v := range objectOf(run["originalUriBaseIds"]) {
				if old, ok := baseIDs[k]; ok && !jsonEqual(old, v) {
					return nil, fmt.Errorf("%s: originalUriBaseIds %q differs from an earlier run's: the shards were run from different directories", where, k)
				}
				baseIDs[k] = v
			}
			rs, _ := run["results"].([]any)
			for i, res := range rs {
				obj := objectOf(res)
				if obj == nil {
					return nil, fmt.Errorf("%s: results[%d] is not an object", where, i)
				}
				if err := remapRule(obj, runRules, local, ruleIndex, &rules); err != nil {
					return nil, fmt.Errorf("%s: results[%d]: %w", where, i, err)
				}
				results = append(results, obj)
			}
			invs, _ := run["invocations"].([]any)
			for _, inv := range invs {
				o := objectOf(inv)
				if ok, isBool := o["executionSuccessful"].(bool); isBool && !ok {
					success = false
				}
				if ns, ok := o["toolExecutionNotifications"].([]any); ok {
					notes = append(notes, ns...)
				}
			}
		}
	}
	if out == nil {
		return nil, errors.New("the SARIF files hold no run")
	}
	sortResults(results)
	if len(results) > MaxSARIFResults {
		notes = append(notes, map[string]any{
			"level": "warning",
			"message": map[string]any{"text": fmt.Sprintf("%d of %d results left out: GitHub code scanning rejects a run with more than %d",
				len(results)-MaxSARIFResults, len(results), MaxSARIFResults)},
		})
		results = results[:MaxSARIFResults]
	}
	if rules == nil {
		rules = []any{}
	}
	if results == nil {
		results = []any{}
	}
	driver["rules"] = rules
	out["results"] = results
	if len(baseIDs) > 0 {
		out["originalUriBaseIds"] = baseIDs
	}
	inv := map[string]any{"executionSuccessful": success}
	if invs, _ := out["invocations"].([]any); len(invs) > 0 {
		if wd, ok := objectOf(invs[0])["workingDirectory"]; ok {
			inv["workingDirectory"] = wd
		}
	}
	if len(notes) > 0 {
		inv["toolExecutionNotifications"] = notes
	}
	out["invocations"] = []any{inv}
	if schemaURI == nil {
		schemaURI = sarifSchemaURI
	}
	var buf bytes.Buffer
	err := encodeJSON(&buf, map[string]any{"$schema": schemaURI, "version": "2.1.0", "runs": []any{out}})
	return buf.Bytes(), err
}

// remapRule points a result at the merged rules list. A result without a
// ruleIndex keeps none; one whose rule is not in its run's list (allowed
// by SARIF when ruleIndex is absent) gets its id looked up.
func remapRule(res map[string]any, runRules []any, local map[int]int, ruleIndex map[string]int, rules *[]any) error {
	id, _ := res["ruleId"].(string)
	n, has := res["ruleIndex"].(json.Number)
	if !has {
		if k, ok := ruleIndex[id]; ok && id != "" {
			res["ruleIndex"] = json.Number(fmt.Sprint(k))
		}
		return nil
	}
	i, err := n.Int64()
	if err != nil || i < 0 || int(i) >= len(runRules) {
		return fmt.Errorf("ruleIndex %s is not an index of the run's rules", n)
	}
	if rid, _ := objectOf(runRules[i])["id"].(string); id != "" && rid != id {
		return fmt.Errorf("ruleIndex %d names rule %q, but ruleId is %q", i, rid, id)
	}
	res["ruleIndex"] = json.Number(fmt.Sprint(local[int(i)]))
	if rule := objectOf(res["rule"]); rule != nil {
		if _, ok := rule["index"]; ok {
			rule["index"] = json.Number(fmt.Sprint(local[int(i)]))
		}
	}
	return nil
}

// sortResults orders results as artlint orders findings: file, line,
// column, rule, message; so the merge of shards reads like one run.
func sortResults(rs []any) {
	type key struct {
		uri          string
		line, column int64
		rule, msg    string
	}
	keys := make([]key, len(rs))
	for i, r := range rs {
		o := objectOf(r)
		k := &keys[i]
		k.rule, _ = o["ruleId"].(string)
		k.msg, _ = objectOf(o["message"])["text"].(string)
		if locs, _ := o["locations"].([]any); len(locs) > 0 {
			pl := objectOf(objectOf(locs[0])["physicalLocation"])
			k.uri, _ = objectOf(pl["artifactLocation"])["uri"].(string)
			reg := objectOf(pl["region"])
			if n, ok := reg["startLine"].(json.Number); ok {
				k.line, _ = n.Int64()
			}
			if n, ok := reg["startColumn"].(json.Number); ok {
				k.column, _ = n.Int64()
			}
		}
	}
	order := make([]int, len(rs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := keys[order[i]], keys[order[j]]
		if a.uri != b.uri {
			return a.uri < b.uri
		}
		if a.line != b.line {
			return a.line < b.line
		}
		if a.column != b.column {
			return a.column < b.column
		}
		if a.rule != b.rule {
			return a.rule < b.rule
		}
		return a.msg < b.msg
	})
	sorted := make([]any, len(rs))
	for i, k := range order {
		sorted[i] = rs[k]
	}
	copy(rs, sorted)
}

func decodeSARIFLog(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keep integers as written
	var log map[string]any
	if err := dec.Decode(&log); err != nil {
		return nil, fmt.Errorf("not a SARIF log: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("not a SARIF log: data after the top-level object")
	}
	if v, _ := log["version"].(string); v != "2.1.0" {
		return nil, fmt.Errorf("not a SARIF 2.1.0 log (version %q)", v)
	}
	if _, ok := log["runs"].([]any); !ok {
		return nil, errors.New("not a SARIF log: no runs array")
	}
	return log, nil
}

func objectOf(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func objectAt(m map[string]any, path ...string) map[string]any {
	for _, p := range path {
		m = objectOf(m[p])
	}
	return m
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
