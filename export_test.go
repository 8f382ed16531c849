package artlint

// SetBeforeFix lets the external tests act between linting and writing
// fixes; it returns a function that restores the hook.
func SetBeforeFix(f func()) (restore func()) {
	old := beforeFix
	beforeFix = f
	return func() { beforeFix = old }
}
