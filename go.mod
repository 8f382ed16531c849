module github.com/artlint/artlint

go 1.26.0

require (
	github.com/hashicorp/golang-lru/v2 v2.0.7
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/text v0.44.0
)

require (
	github.com/bmatcuk/doublestar/v4 v4.10.4 // indirect
	github.com/spf13/pflag v1.1.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)
