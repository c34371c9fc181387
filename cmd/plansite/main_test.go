package main

import (
	"os"
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
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Setup: withoutBrowser})
}

// withoutBrowser sets CHROMIUM=none, so that scripts build without the
// slow large-print PDFs (internal/pdf tests the printing) and see the note
// that they were skipped.
func withoutBrowser(e *testscript.Env) error {
	e.Setenv("CHROMIUM", "none")
	return nil
}
