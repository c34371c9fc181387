package bundle

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
)

// ReadmeName is the name of the instructions file that ZIP adds beside
// index.html inside root.
const ReadmeName = "README-ja.txt"

// ZIP packs every file under the folder root (e.g. "plan/"; "" for none)
// and adds README-ja.txt there, telling in Japanese how to open index.html
// offline. Files whose name starts with "." (such as the build's output
// marker) are left out. Entries are sorted, folders have their own entries,
// every timestamp is m.Modified and no entry has extra fields, so the same
// input always gives the same bytes.
func ZIP(files []File, root string, m Meta) ([]byte, error) {
	var buf bytes.Buffer
	err := WriteZIP(&buf, files, m, ZIPOptions{Root: root})
	return buf.Bytes(), err
}

// ZIPOptions tune WriteZIP.
type ZIPOptions struct {
	Root string // folder inside the ZIP holding the site ("" for none)
	// Previous is the path of an earlier ZIP made by WriteZIP (it may not
	// exist): entries whose name, size and CRC are unchanged are copied
	// from it compressed, without compressing them again.
	Previous string
	Workers  int // files compressed at once; 0 means GOMAXPROCS
}

// WriteZIP is ZIP writing to w. A File whose Data is nil and whose Load is
// set is read only when its entry is written, so the site need not be in
// memory whole; files are compressed in parallel.
func WriteZIP(w io.Writer, files []File, m Meta, o ZIPOptions) error {
	byPath, err := indexFiles(files)
	if err != nil {
		return err
	}
	root := strings.Trim(o.Root, "/")
	if root != "" {
		if path.Clean(root) != root || strings.HasPrefix(root, "../") || root == ".." || root == "." {
			return fmt.Errorf("bundle: zip root %q is not a clean relative folder", root)
		}
		root += "/"
	}
	if _, ok := byPath[ReadmeName]; ok {
		return fmt.Errorf("bundle: the site already has a file %s", ReadmeName)
	}
	entries := map[string]File{}
	for p, f := range byPath {
		if !hidden(p) {
			entries[root+p] = f
		}
	}
	entries[root+ReadmeName] = File{Path: ReadmeName, Data: readme(m, root, byPath)}
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	names = append(names, parentDirs(names)...)
	sort.Strings(names)
	zw := newZipWriter(w, m.Modified)
	if err := zw.w.SetComment(compressorID); err != nil {
		return err
	}
	// Reuse needs the same compressor: a reused entry must have the bytes
	// compressing it now would give, so that output never depends on
	// which build came before.
	if prev, err := zip.OpenReader(o.Previous); err == nil {
		defer prev.Close()
		if prev.Comment == compressorID {
			zw.previous(prev)
		}
	}
	if err := zw.entries(names, entries, o.Workers); err != nil {
		return err
	}
	return zw.w.Close()
}

// compressorID names how WriteZIP compresses, in the ZIP's comment: the
// same flate version and level give the same bytes for the same input.
var compressorID = fmt.Sprintf("plansite zip; flate %s level %d", flateVersion(), deflateLevel)

// flateVersion is the version of the compression module built in.
func flateVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/klauspost/compress" {
				if d.Replace != nil {
					d = d.Replace
				}
				return d.Version + d.Sum
			}
		}
	}
	return runtime.Version()
}

// hidden reports whether any element of p starts with ".".
func hidden(p string) bool {
	for _, e := range strings.Split(p, "/") {
		if strings.HasPrefix(e, ".") {
			return true
		}
	}
	return false
}

// readme is the Japanese how-to-open text: UTF-8 with a byte order mark and
// CRLF line ends, so that every Windows text viewer shows it correctly.
func readme(m Meta, root string, byPath map[string]File) []byte {
	folder := strings.TrimSuffix(root, "/")
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteString("\r\n") }
	b.WriteString("\ufeff")
	if m.Title != "" {
		line(m.Title)
	}
	if who := JoinNames(m.Author, m.Publisher); who != "" {
		line(who)
	}
	if m.Title != "" || m.Author != "" || m.Publisher != "" {
		line("")
	}
	line("このZIPファイルには、計画のウェブサイトがまるごと入っています。")
	line("インターネットにつながっていなくても、パソコンやスマートフォンで読めます。")
	line("")
	line("【読み方】")
	line("1. ZIPファイルを展開（解凍）します。")
	line("   Windows：ZIPファイルを右クリックして「すべて展開」を選びます。")
	line("   Mac：ZIPファイルをダブルクリックします。")
	line("   スマートフォン：「ファイル」アプリでZIPファイルを開いて展開します。")
	if folder != "" {
		line("2. 展開してできた「" + folder + "」フォルダーを開き、")
		line("   中の「index.html」をダブルクリックします。ブラウザーで表紙のページが開きます。")
	} else {
		line("2. 展開してできたフォルダーの中の「index.html」をダブルクリックします。")
		line("   ブラウザーで表紙のページが開きます。")
	}
	n := 3
	if _, ok := byPath["easy/index.html"]; ok {
		line(fmt.Sprintf("%d. わかりやすい版（ふりがな付き）は、「easy」フォルダーの中の「index.html」です。", n))
		line("   どのページからも「わかりやすい版」のリンクで行き来できます。")
		n++
	}
	line("")
	line("【ご注意】")
	line("・ZIPファイルの中から直接開くと、正しく表示されないことがあります。")
	line("  かならず展開してから開いてください。")
	line("・文字の大きさ、色、行の間隔、ふりがなの設定は、インターネットなしでも使えます。")
	if _, ok := byPath["search.html"]; ok {
		line("・サイト内検索も、インターネットなしで使えます。")
	}
	line("・ファイルの名前や場所を変えると、ページのあいだのリンクが切れます。")
	line("  フォルダーごと移動してください。")
	if !m.Modified.IsZero() {
		t := m.Modified.UTC()
		line("")
		line(fmt.Sprintf("作成日：%d年%d月%d日", t.Year(), int(t.Month()), t.Day()))
	}
	return []byte(b.String())
}
