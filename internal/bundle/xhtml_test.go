package bundle

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestWriteXHTMLWellFormed(t *testing.T) {
	in := `<main id=main tabindex=-1><p title='say "hi" & <bye>' lang=en>a &amp; b &lt; c > d` + "\x01" + `<br><img src=x.png alt=""><input value=1>` +
		`<span weird"attr=1 data-x="1">t</span><svg viewBox="0 0 1 1"><a xlink:href="#z"><circle r=1></circle></a></svg>` +
		`<math><mi>x</mi></math><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby></main>`
	doc, err := html.Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	writeXHTML(&b, findMain(doc))
	out := b.String()
	wrapped := `<html xmlns="http://www.w3.org/1999/xhtml">` + out + `</html>`
	root := parseXML(t, "fragment", []byte(wrapped))
	p := root.all("p")[0]
	if v, _ := p.attr("title"); v != `say "hi" & <bye>` {
		t.Errorf("title %q", v)
	}
	if v, _ := p.attrNS("http://www.w3.org/XML/1998/namespace", "lang"); v != "en" {
		t.Errorf("lang not mirrored to xml:lang: %s", out)
	}
	if !strings.Contains(p.textContent(false), "a & b < c > d") || strings.Contains(out, "\x01") {
		t.Errorf("text escaping: %s", out)
	}
	for _, want := range []string{"<br/>", `<img src="x.png" alt=""/>`, `<circle r="1"/>`, `xlink:href="#z"`,
		`<svg xmlns="http://www.w3.org/2000/svg"`, `<math xmlns="http://www.w3.org/1998/Math/MathML"`, `viewBox="0 0 1 1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "weird") {
		t.Errorf("an attribute name that is not an XML name was kept: %s", out)
	}
}

func TestRelPath(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"index.xhtml", "chapters/01.xhtml", "chapters/01.xhtml"},
		{"chapters/01.xhtml", "chapters/02.xhtml", "02.xhtml"},
		{"chapters/01.xhtml", "glossary.xhtml", "../glossary.xhtml"},
		{"chapters/01.xhtml", "assets/picto/a.svg", "../assets/picto/a.svg"},
		{"a/b/c.xhtml", "a/d/e.xhtml", "../d/e.xhtml"},
		{"style.css", "style.css", "style.css"},
	} {
		if got := relPath(c.from, c.to); got != c.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, c := range []struct{ from, ref, want string }{
		{"easy/chapters/01.html", "../glossary.html", "easy/glossary.html"},
		{"easy/chapters/01.html", "../../assets/picto/a.svg", "assets/picto/a.svg"},
		{"chapters/01.html", "../../x.html", ""},
		{"index.html", "easy/", "easy/index.html"},
		{"chapters/01.html", "./", "chapters/index.html"},
	} {
		if got := resolve(c.from, c.ref); got != c.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", c.from, c.ref, got, c.want)
		}
	}
}

// FuzzXHTML checks that whatever HTML a page's <main> holds, the content
// document written from it is well-formed XML.
func FuzzXHTML(f *testing.F) {
	for _, seed := range []string{
		`<h1>見出し</h1><p>本文 &amp; <ruby>漢字<rt>かんじ</rt></ruby>`,
		`<table><caption>c<tr><th scope=col>a<td>b</table>`,
		`<svg><foreignObject><p>x</p></foreignObject><a xlink:href="#a">l</a></svg>`,
		`<o:p>word</o:p><x"y>z</x"y><p a:b=1 c"d=2>q`,
		`<a href="../x.html#%E3%81%82">あ</a><img src="a.png" alt=x><br></br>`,
		"<p>\x00\x0b\uFFFE\r\n</p><math><mi>x</mi><annotation-xml><svg></svg></annotation-xml></math>",
		`<select><option>1</select><script>1<2</script><template><p>t</template>`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		files := []File{
			{Path: "index.html", Data: []byte("<!doctype html><title>t</title><main>" + s + "</main>")},
			{Path: "a.png", Data: []byte("png")},
		}
		data, err := EPUB(files, "standard", Meta{Title: "t"})
		if err != nil {
			t.Fatal(err)
		}
		zr := openZip(t, data)
		for _, name := range []string{"EPUB/index.xhtml", "EPUB/nav.xhtml", "EPUB/package.opf"} {
			parseXML(t, name, readEntry(t, zr, name))
		}
	})
}

func TestIsXMLName(t *testing.T) {
	for s, want := range map[string]bool{
		"p": true, "data-web-only": true, "_x": true, "h2": true, "a.b": true, "epub_type": true,
		"": false, "o:p": false, "2x": false, "-a": false, ".a": false, "a b": false, "é": false, "a\x00": false,
	} {
		if got := isXMLName(s); got != want {
			t.Errorf("isXMLName(%q) = %v, want %v", s, got, want)
		}
	}
}
