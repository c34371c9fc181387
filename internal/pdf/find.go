package pdf

import (
	"errors"
	"fmt"
	"os/exec"
)

// Names are the programs looked up on PATH, in this order, when neither a
// path nor the CHROMIUM environment variable names a browser.
var Names = []string{"chromium", "chromium-browser", "google-chrome"}

// EnvVar is the environment variable that names the browser; the value
// Off turns the PDFs off where the command line cannot (a CI job, make).
const (
	EnvVar = "CHROMIUM"
	Off    = "none"
)

// ErrNoChromium means that no browser was found; the caller may go on
// without the PDFs.
var ErrNoChromium = errors.New("no Chromium found (install the chromium package, or give --chromium PATH or " + EnvVar + "=PATH)")

// Find returns the browser to print with: flag when set, else the value of
// CHROMIUM from getenv (none: no browser), else the first of Names on PATH. A browser named by
// the flag or the environment that cannot be run is an error (it was asked
// for); finding none at all is ErrNoChromium.
func Find(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		p, err := exec.LookPath(flag)
		if err != nil {
			return "", fmt.Errorf("--chromium %s: %w", flag, err)
		}
		return p, nil
	}
	env := getenv(EnvVar)
	if env == Off {
		return "", fmt.Errorf("%s=%s: %w", EnvVar, Off, ErrNoChromium)
	}
	if env != "" {
		p, err := exec.LookPath(env)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", EnvVar, env, err)
		}
		return p, nil
	}
	for _, n := range Names {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}
