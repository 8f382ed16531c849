package lang

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var updateRegions = flag.Bool("update-regions", false, "rewrite data/regions.json from golang.org/x/text/language/display")

// TestRegionNamesMatchCLDR keeps data/regions.json equal to what
// golang.org/x/text/language/display gives for every ISO 3166 country, so
// that upgrading x/text cannot leave the packs with stale names:
// go test ./internal/lang -run TestRegionNamesMatchCLDR -update-regions
func TestRegionNamesMatchCLDR(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, tag := range []string{"en", "fr"} {
		fmt.Fprintf(&b, "  %q: [\n", tag)
		namer := display.Regions(language.Make(tag))
		var lines []string
		for a := 'A'; a <= 'Z'; a++ {
			for c := 'A'; c <= 'Z'; c++ {
				code := string([]rune{a, c})
				r, err := language.ParseRegion(code)
				// Groupings (EU, UN…), user-assigned codes and deprecated
				// aliases (BU, ZR, UK…: the current code is listed) are no
				// countries.
				if err != nil || !r.IsCountry() || r.Canonicalize().String() != code {
					continue
				}
				name := namer.Name(r)
				if name == "" {
					continue
				}
				pair, err := json.Marshal([2]string{code, name})
				if err != nil {
					t.Fatal(err)
				}
				lines = append(lines, "    "+string(pair))
			}
		}
		for k, l := range lines {
			b.WriteString(l)
			if k < len(lines)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("  ]")
		if i == 0 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	const path = "data/regions.json"
	if *updateRegions {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Errorf("%s differs from golang.org/x/text/language/display: regenerate it with -update-regions", path)
	}
}
