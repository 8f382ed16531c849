// Command artlint lints article records: JSON Schema validation, editorial
// rules and typography, with text, JSON and SARIF reports.
package main

import (
	"os"

	"github.com/artlint/artlint"
)

func main() {
	os.Exit(artlint.Main(os.Args[1:]))
}
