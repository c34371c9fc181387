// plansite serve: reloads the page after each rebuild and shows build
// errors. The preview server adds this script to HTML responses only; it is
// never part of the built site. It adds no visible or focusable element
// except the error box, which it inserts at the top of the body with
// role="alert" so that screen readers announce it.
(function () {
	'use strict';
	if (!window.EventSource) return;
	var me = document.currentScript;
	var version = me ? me.getAttribute('data-version') : null;
	var es = new EventSource('/_plansite/events');
	// The server sends its build version when a page connects: a page
	// loaded before a rebuild, or from a server since restarted, reloads.
	es.addEventListener('version', function (e) {
		if (version && e.data !== version) {
			location.reload();
			return;
		}
		version = e.data;
	});
	es.addEventListener('reload', function () {
		es.close();
		location.reload();
	});
	es.addEventListener('error', function (e) {
		// A lost connection is also an "error" event, without data; the
		// browser reconnects by itself.
		if (typeof e.data !== 'string') return;
		show(e.data.split('\n'));
	});

	var ID = 'plansite-build-errors';
	function show(lines) {
		var old = document.getElementById(ID);
		if (old) old.parentNode.removeChild(old);
		var box = document.createElement('div');
		box.id = ID;
		box.setAttribute('role', 'alert');
		box.style.cssText = 'margin:0;padding:.75em 1em;border:4px solid #b00020;background:#fff;color:#000;font-size:inherit;line-height:1.6;';
		var p = document.createElement('p');
		p.style.cssText = 'margin:0 0 .5em;font-weight:bold;';
		p.textContent = 'サイトを作れませんでした。次のところを直して保存してください。いまは前回のページを表示しています。';
		box.appendChild(p);
		var ul = document.createElement('ul');
		ul.setAttribute('lang', 'en');
		ul.style.cssText = 'margin:0;padding-left:1.5em;';
		for (var i = 0; i < lines.length; i++) {
			if (!lines[i]) continue;
			var li = document.createElement('li');
			li.style.cssText = 'font-family:monospace;white-space:pre-wrap;overflow-wrap:anywhere;';
			li.textContent = lines[i];
			ul.appendChild(li);
		}
		box.appendChild(ul);
		document.body.insertBefore(box, document.body.firstChild);
	}
})();
