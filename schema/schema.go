// Package schema embeds the JSON Schemas that artlint ships: the article
// record format (its definition) and, later, the configuration file.
package schema

import _ "embed"

// ArticleV1 is the article record schema, version 1 (draft 2020-12).
//
//go:embed article.v1.schema.json
var ArticleV1 []byte

// ArticleV1ID is the $id of ArticleV1; a record's "$schema" may name it.
const ArticleV1ID = "https://artlint.dev/schema/article.v1.schema.json"

// Config is the schema of .artlint.yaml (draft 2020-12), published for
// editors at ConfigID.
//
//go:embed config.schema.json
var Config []byte

// ConfigID is the $id of Config.
const ConfigID = "https://artlint.dev/schema/config.schema.json"
