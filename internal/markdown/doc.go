// Package markdown converts the Markdown of plansite pages to HTML with
// goldmark: CommonMark plus GFM tables (no strikethrough, linkify or
// typographer) and the plansite extensions below. It knows nothing about
// the plan model or how furigana are computed: the caller passes a Page
// with a Resolve function, an Annotator and glossary Terms.
//
// A Converter is built once with New and is safe for concurrent use. Convert
// converts block Markdown; Inline converts one line of inline Markdown (a
// YAML title) without the <p> wrapper. Errors are a diag.List of
// *diag.Error with Page.File and the absolute line (Page.Line is the line
// where src starts); all errors of a call are reported together.
//
// Extensions:
//
//   - Author ruby: {漢字|かんじ} renders as
//     <ruby>漢字<rp>（</rp><rt inert>かんじ</rt><rp>）</rp></ruby>; {小平|こ|だいら}
//     gives one <rt> per character; {~漢字|かんじ} (a reading aid) adds
//     class="furi". \{ is a literal brace; in table cells write the
//     separator as \| (GFM). Any other { that does not start valid ruby is
//     an error (see package ruby).
//   - Automatic furigana: prose text (also link text, glossary links,
//     headings and table cells, but not code, raw HTML, image alt text or
//     author ruby) is split by Page.Annotator into text and
//     <ruby class="furi"> with the same rp/rt form. Text is annotated one
//     source line at a time.
//   - Headings: # becomes h(Page.HeadingBase) (default h2), ## the next
//     level and so on. The first heading must be #, a level may not be
//     skipped and no heading may become deeper than h6. Headings get ids by
//     position, "sec-1", "sec-1-2" (prefix Page.IDPrefix), and are returned
//     in Result.Headings.
//   - Tables: a paragraph "表: caption" ("表：", "Table:") right before a
//     table becomes its <caption>; a table without one is an error. The
//     table is wrapped in <div class="table-wrap" tabindex="0"
//     role="region" aria-label="caption"> and header cells get scope="col".
//   - Images: empty alt text is an error; destinations go through
//     Page.Resolve. A paragraph that starts with an image whose destination
//     starts with picto: renders as <div class="with-picture"><img …
//     width="64" height="64"><p>rest</p></div>.
//   - Links: every destination except a pure #fragment goes through
//     Page.Resolve; its error becomes a build error at the link's line.
//     No target attribute is added.
//   - Glossary: the first occurrence on the page (Page.Used, shared by the
//     calls of one page) of each of Page.Terms in prose text (not headings,
//     links or code) becomes <a class="term" href="…">; a longer term wins
//     over a shorter one it overlaps. A term is found within one source
//     line.
//   - Raw HTML: unless Options.AllowHTML, HTML blocks and inline HTML are
//     escaped and shown as text (an HTML block as a paragraph).
//   - Line breaks: a soft line break next to an East Asian wide character
//     is dropped, so that wrapped Japanese text gets no stray space.
package markdown
