package lang

import (
	"unicode"
)

// IsUnitExponent reports whether the superscript digit at byte i of s is an
// exponent rather than a footnote marker: it follows a unit symbol listed in
// the data (km², m³, kg/m³), a one-letter math variable (x²), or "10" (10⁶).
// Superscript minus (m⁻¹) is accepted the same way. A superscript after an
// ordinary word or punctuation ("Macédoine¹", "fin.²") is not an exponent.
func (p *Pack) IsUnitExponent(s string, i int) bool {
	r, _ := runeAt(s, i)
	if !isSuperscriptDigit(r) && r != '⁻' {
		return false
	}
	// Step back over the rest of the superscript run ("m⁻¹", footnote "¹²").
	j := i
	for j > 0 {
		r, n := runeBefore(s, j)
		if !isSuperscriptDigit(r) && r != '⁻' {
			break
		}
		j -= n
	}
	k := j
	for k > 0 {
		r, n := runeBefore(s, k)
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	if k == j { // no letters: only "10⁶" counts
		for k > 0 && s[k-1] >= '0' && s[k-1] <= '9' {
			k--
		}
		before, _ := runeBefore(s, k)
		return s[k:j] == "10" && !isWordRune(before)
	}
	if before, n := runeBefore(s, k); isHyphen(before) {
		if b2, _ := runeBefore(s, k-n); unicode.IsLetter(b2) {
			return false // tail of a compound: "Saint-Martin²"
		}
	}
	w := s[k:j]
	return p.units[w] || p.mathVars[w]
}
