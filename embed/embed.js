/*! stackweigh embed loader: turns each <div class="stackweigh-embed"> into a
 * sandboxed, auto-height iframe of the widget (embed.html beside this script,
 * or its use case's own) near the viewport. No cookies, storage, requests of
 * its own, or messages into it.
 *
 *   <div class="stackweigh-embed" data-preset="ml_ai" data-theme="auto">
 *     <a href="https://HOST/PATH/">Node.js vs Python comparator</a>
 *   </div>
 *   <script async src="https://HOST/PATH/embed.js"></script>
 *
 * embed.js follows each release; embed-<hash>.js (pinned by the "Embed this"
 * dialog) never changes. Optional: data-preset, data-theme (light|dark|auto),
 * data-criteria (ids), data-height (px), data-state (a share link's hash).
 */
(function (w, d) {
  'use strict';
  var base;
  try {
    base = new URL('embed.html', d.currentScript.src);
  } catch (e) {
    return;
  }
  // Use cases with their own document (the data's presets; build.rs checks).
  var PRESETS = ' realtime_chat streaming rest_api spa_backend ml_ai data_analysis cms_business automation mvp js_team beginner_team python_codebase iot ';

  // One registry for every copy of this script.
  var reg = w.stackweighEmbed;
  if (!reg) {
    reg = w.stackweighEmbed = { n: 0, frames: [] };
    w.addEventListener('message', function (e) {
      var m = e.data, f, i;
      for (i = 0; i < reg.frames.length; i++) {
        f = reg.frames[i];
        if (e.source !== f.el.contentWindow || e.origin !== f.origin) continue;
        if (
          m && m.type === 'stackweigh:height' && String(m.id) === f.id &&
          typeof m.height === 'number' && m.height >= 100 && m.height <= 20000
        ) {
          f.el.style.height = Math.ceil(m.height) + 'px';
        }
        return;
      }
    });
  }

  var TITLE = 'Node.js vs Python comparator (stackweigh)';

  function param(name, value) {
    return value ? '&' + name + '=' + encodeURIComponent(value).replace(/%2C/gi, ',') : '';
  }

  // Only the share format's characters ride along.
  function state(value) {
    return value && /^[A-Za-z0-9=&._-]{1,512}$/.test(value) ? '#' + value : '';
  }

  // The document already showing this use case's answer.
  function widget(preset) {
    return preset && PRESETS.indexOf(' ' + preset + ' ') >= 0 ? new URL('embed-' + preset + '.html', base).href : base.href;
  }

  function mount(div) {
    var id = String(++reg.n);
    var preset = div.getAttribute('data-preset');
    var theme = div.getAttribute('data-theme');
    var height = parseInt(div.getAttribute('data-height'), 10);
    if (!(height >= 100 && height <= 20000)) height = 640;
    var link = div.querySelector('a[href]');
    var title = (link && link.textContent.replace(/\s+/g, ' ').trim()) || TITLE;
    var f = d.createElement('iframe');
    f.src = widget(preset) + '?id=' + id +
      param('preset', preset) +
      param('theme', /^(light|dark|auto)$/.test(theme) ? theme : '') +
      param('criteria', div.getAttribute('data-criteria')) +
      state(div.getAttribute('data-state'));
    f.title = title;
    // Run, keep its origin, open the page unsandboxed; moot on its own origin.
    if (base.origin !== w.location.origin) f.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    f.setAttribute('loading', 'lazy');
    f.setAttribute('allow', 'clipboard-write');
    f.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    // CSSOM, not a style attribute: allowed under a strict CSP.
    f.style.display = 'block';
    f.style.width = '100%';
    f.style.border = '0';
    f.style.height = height + 'px';
    reg.frames.push({ el: f, id: id, origin: base.origin });
    if (link) link.parentNode.replaceChild(f, link);
    else div.appendChild(f);
  }

  var io = w.IntersectionObserver && new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        io.unobserve(entry.target);
        mount(entry.target);
      }
    });
  }, { rootMargin: '200px 0px' });

  function scan() {
    var divs = d.querySelectorAll('.stackweigh-embed:not([data-stackweigh-ready])');
    for (var i = 0; i < divs.length; i++) {
      divs[i].setAttribute('data-stackweigh-ready', '');
      if (io) io.observe(divs[i]);
      else mount(divs[i]);
    }
  }

  reg.scan = reg.scan || scan; // for embeds added later
  scan();
  // An async script can run before the page is parsed.
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', scan);
})(window, document);
