// plansite: assembles pages of a built site into one printable document.
// Runs in the first page (opened over the loopback server); only semantic
// HTML and the documented theme contract are used: <main>, ids, links,
// ruby, #pref-furigana, ruby.furi, [data-web-only], data-fs on <html>.
async function plansiteAssemble(o) {
  "use strict";
  const base = new URL("/", location.href);
  const urls = o.pages.map((p) => new URL(p, base));
  const index = new Map(urls.map((u, i) => [u.pathname, i]));
  const docs = [document];
  for (let i = 1; i < urls.length; i++) {
    const r = await fetch(urls[i]);
    if (!r.ok) throw new Error(o.pages[i] + ": HTTP " + r.status);
    docs.push(new DOMParser().parseFromString(await r.text(), "text/html"));
  }
  const sections = docs.map((d, i) => section(d, i));
  const main = document.querySelector("main");
  if (!main) throw new Error(o.pages[0] + " has no <main>");
  main.replaceChildren();
  sections.forEach((s, i) => {
    main.append(s);
    if (i === 0 && o.contents && o.contents.entries) main.append(contents(o.contents));
  });
  // the page's own header and footer: same rules as the sections
  for (const e of document.body.querySelectorAll("[data-web-only]")) e.remove();
  for (const a of Array.from(document.body.querySelectorAll("a[href]"))) {
    if (!main.contains(a)) link(a, 0);
  }
  document.title = o.title;
  document.documentElement.setAttribute("data-fs", "xl");
  document.documentElement.setAttribute("data-furigana", "on");
  const style = document.createElement("style");
  style.textContent =
    "main > section + section, main > nav + section { break-before: page; }" +
    "main > nav { break-before: page; break-after: page; }" +
    "main > nav ol { list-style: none; padding-inline-start: 1.5em; }" +
    "main > nav > ol { padding-inline-start: 0; }" +
    "main > nav li { margin-block: 0.3em; }";
  document.head.append(style);
  await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => {})));
  await document.fonts.ready;
  return "ok";

  // section takes the <main> of page i into a <section id="p{i}">.
  function section(d, i) {
    const m = d.querySelector("main");
    if (!m) throw new Error(o.pages[i] + " has no <main>");
    const s = document.createElement("section");
    s.id = "p" + i;
    for (const c of Array.from(m.childNodes)) s.append(document.importNode(c, true));
    for (const e of s.querySelectorAll("[data-web-only], script, noscript, form, input, button, template")) e.remove();
    const sw = d.getElementById("pref-furigana");
    if (sw && !sw.hasAttribute("checked")) {
      for (const e of s.querySelectorAll("ruby.furi > rt, ruby.furi > rp")) e.remove();
    }
    const ids = new Set();
    for (const e of s.querySelectorAll("[id]")) {
      ids.add(e.id);
      e.id = "p" + i + "-" + e.id;
    }
    for (const a of ["aria-labelledby", "aria-describedby", "aria-controls", "aria-details", "for", "headers"]) {
      for (const e of s.querySelectorAll("[" + a + "]")) {
        const v = e.getAttribute(a).split(/\s+/).filter((x) => ids.has(x)).map((x) => "p" + i + "-" + x);
        if (v.length) e.setAttribute(a, v.join(" "));
        else e.removeAttribute(a);
      }
    }
    for (const e of s.querySelectorAll("[src]")) e.setAttribute("src", new URL(e.getAttribute("src"), urls[i]).href);
    for (const e of s.querySelectorAll("[srcset]")) e.removeAttribute("srcset");
    for (const a of Array.from(s.querySelectorAll("a[href]"))) link(a, i);
    return s;
  }

  // link points a link at its place in this document, keeps links out of
  // the site, and unwraps links to pages that the document does not hold.
  function link(a, i) {
    const u = new URL(a.getAttribute("href"), urls[i]);
    if (u.origin !== base.origin) {
      if (/^(https?|mailto|tel):$/.test(u.protocol)) return;
      a.replaceWith(...a.childNodes);
      return;
    }
    const j = index.get(u.pathname);
    if (j === undefined) {
      a.replaceWith(...a.childNodes);
      return;
    }
    const frag = decodeURIComponent(u.hash.slice(1));
    a.setAttribute("href", "#p" + j + (frag ? "-" + frag : ""));
    a.removeAttribute("download");
  }

  // contents is the contents page, from the entries the site gave.
  function contents(c) {
    const nav = document.createElement("nav");
    nav.setAttribute("aria-labelledby", "contents-title");
    const h = document.createElement("h2");
    h.id = "contents-title";
    h.innerHTML = c.heading;
    nav.append(h, list(c.entries));
    return nav;
  }

  function list(entries) {
    const ol = document.createElement("ol");
    for (const e of entries) {
      const i = o.pages.indexOf(e.page);
      if (i < 0) continue;
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "#p" + i + (e.id ? "-" + e.id : "");
      a.innerHTML = e.label;
      li.append(a);
      if (e.children && e.children.length) li.append(list(e.children));
      ol.append(li);
    }
    return ol;
  }
}
