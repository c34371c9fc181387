// Package theme embeds plansite's default theme: html/template layouts
// under layouts/ and the CSS, JavaScript and pictograms under static/
// (copied to assets/ in the output). A site overrides any of these files by
// putting a file with the same path in its own themes/NAME folder.
package theme

import "embed"

// FS holds layouts/ and static/.
//
//go:embed layouts static
var FS embed.FS
