package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{Use: "releasebot", Short: "Cut releases from the main branch"}

var versionCmd = &cobra.Command{
	Use:   "version",
	Short: "Print the version derived from git tags",
	RunE: func(cmd *cobra.Command, args []string) error {
		out, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output()
		if err != nil {
			return fmt.Errorf("git describe: %w", err)
		}
		fmt.Println(strings.TrimSpace(string(out)))
		return nil
	},
}

var tagCmd = &cobra.Command{
	Use:   "tag <version>",
	Short: "Create an annotated tag (asks before pushing)",
	Args:  cobra.ExactArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		c := exec.Command("git", "tag", "-a", args[0], "-m", "release "+args[0])
		c.Stdout, c.Stderr = os.Stdout, os.Stderr
		return c.Run()
	},
}

func init() {
	rootCmd.AddCommand(versionCmd, tagCmd)
}

// Execute runs the root command.
func Execute() {
	if err := rootCmd.Execute(); err != nil {
		os.Exit(1)
	}
}
