//go:build race

package textan

func init() { raceEnabled = true }
