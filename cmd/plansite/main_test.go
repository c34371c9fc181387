package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"plansite": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script: each is a small
// site in a txtar archive, the commands run on it and what they must print.
func TestScripts(t *testing.T) {
	seeds, err := filepath.Abs("../../../shared/seeds")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEEDS", seeds) // real plan tables
			// no browser: scripts build without the slow large-print PDFs
			// (internal/pdf tests the printing) and see the note that
			// they were skipped
			env.Setenv("CHROMIUM", "none")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond != "seeds" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			_, err := os.Stat(seeds)
			return err == nil, nil
		},
	})
}
