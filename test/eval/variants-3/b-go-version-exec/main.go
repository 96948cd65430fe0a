package main

import "example.invalid/releasebot/cmd"

//go:generate stringer -type=Stage -output=internal/gen/stage_string.go ./internal/gen

func main() { cmd.Execute() }
