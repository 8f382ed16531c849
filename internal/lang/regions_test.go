package lang

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var updateRegions = flag.Bool("update-regions", false, "rewrite data/regions.*.tsv from golang.org/x/text/language/display")

// TestRegionNamesMatchCLDR keeps data/regions.<tag>.tsv equal to what
// golang.org/x/text/language/display gives for every ISO 3166 country, so
// that upgrading x/text cannot leave the packs with stale names:
// go test ./internal/lang -run TestRegionNamesMatchCLDR -update-regions
func TestRegionNamesMatchCLDR(t *testing.T) {
	for _, tag := range []string{"en", "fr"} {
		var b bytes.Buffer
		namer := display.Regions(language.Make(tag))
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
				if name := namer.Name(r); name != "" {
					fmt.Fprintf(&b, "%s\t%s\n", code, name)
				}
			}
		}
		path := "data/regions." + tag + ".tsv"
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
}
