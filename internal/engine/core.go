package engine

import "github.com/artlint/artlint/rules"

// The engine's own checks. They are rules in the registry so that they are
// documented, configurable and listed like any other, but the engine
// produces their findings: they need the loader and the schemas.

// Syntax reports a file that is not well-formed.
var Syntax = &rules.Rule{
	ID:    "syntax",
	Title: "Records are well-formed JSON, YAML or NDJSON",
	Doc: "A file that cannot be parsed gives one finding at the place the parser stopped, with what it expected there. " +
		"Nothing else is checked in a broken record, but the other records of the file (NDJSON lines, YAML documents) and the other files of the run are.",
	Bad:   "{\"id\": \"a\", \"body\": [\"Texte\",]}",
	Good:  "{\"id\": \"a\", \"body\": [\"Texte\"]}",
	Level: rules.LevelError,
	Tags:  []string{"core"},
	Since: "0.1.0",
	Run:   func(*rules.Pass) (any, error) { return nil, nil },
}

// Schema reports a record that does not validate against its JSON Schema.
var Schema = &rules.Rule{
	ID:    "schema",
	Title: "Records follow their JSON Schema",
	Doc: "Each record is validated against a JSON Schema: the embedded article format (version 1) unless `--schema` or the record's `$schema` says otherwise. " +
		"Each failing value gives one finding at that value, saying what was expected and what was found. " +
		"For the article format, `updated` must not be before `published`.",
	Bad:   "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Titre\", \"body\": [\"Texte\", 42]}",
	Good:  "{\"id\": \"a\", \"lang\": \"fr\", \"title\": \"Titre\", \"body\": [\"Texte\", \"Suite\"]}",
	Level: rules.LevelError,
	Tags:  []string{"core"},
	Since: "0.1.0",
	Run:   func(*rules.Pass) (any, error) { return nil, nil },
}

// DuplicateKey reports an object that names a member twice.
var DuplicateKey = &rules.Rule{
	ID:    "duplicate-key",
	Title: "Objects do not repeat a member name",
	Doc: "JSON and YAML readers disagree about an object with a repeated member name: some keep the first value, some the last, some fail. " +
		"artlint keeps the last and reports the repetition, with the first occurrence as a related location.",
	Bad:   "{\"title\": \"Premier titre\", \"title\": \"Second titre\"}",
	Good:  "{\"title\": \"Second titre\"}",
	Level: rules.LevelError,
	Tags:  []string{"core"},
	Since: "0.1.0",
	Run:   func(*rules.Pass) (any, error) { return nil, nil },
}

func isCore(r *rules.Rule) bool { return r == Syntax || r == Schema || r == DuplicateKey }

func init() { rules.Register(Syntax, Schema, DuplicateKey) }
