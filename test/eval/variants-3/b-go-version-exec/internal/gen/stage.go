package gen

// Stage of a release.
type Stage int

const (
	Draft Stage = iota
	Tagged
	Published
)
