/* stackweigh boot, in <head> before the first paint: marks <html> with the
 * query's theme and embed mode, and pending when the prerendered view is not
 * the answer the address asks for; posts a framed embed's height to
 * embed.js, and starts the app (data-glue, data-wasm): a page after its
 * first paint, a framed embed at the reader's first intent, or as it comes
 * into view when it must draw its own answer. README "Offline and instant".
 * A classic script: a sandboxed iframe must run it to report a failed start. */
(function (w, d) {
  'use strict';
  var html = d.documentElement;
  var script = d.currentScript;

  // The rule of src/core/page/query.rs; tests/query_rule.rs checks they agree.
  var MAX_QUERY = 2048;
  // What can be a preset's id (src/postbuild/preset_names.rs): no other value is one.
  var PLAIN_ID = /^[a-z0-9_-]{1,30}$/;

  // `+` is a space, `%XY` a byte; a malformed escape stays.
  function decode(value) {
    return value.replace(/\+/g, ' ').replace(/%([0-9A-Fa-f]{2})/g, function (_, hex) {
      return String.fromCharCode(parseInt(hex, 16));
    });
  }

  // {embed, theme, id, preset, subset} of `location.search` (ASCII); the
  // last valid value wins. A document `marked` <html data-embed> (embed.html)
  // is an embed whatever its query. `preset` is the last value that could be
  // a preset's id, `subset` whether criteria are asked for: enough to tell
  // whether the prerendered view answers the address.
  function pageOptions(search, marked) {
    var options = { embed: marked, theme: 'auto', id: '', preset: '', subset: false };
    var query = search.charAt(0) === '?' ? search.slice(1) : search;
    if (query.length > MAX_QUERY) return options;
    query.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      var key = at < 0 ? pair : pair.slice(0, at);
      var value = decode(at < 0 ? '' : pair.slice(at + 1));
      if (key === 'embed') options.embed = marked || value === '' || value === '1' || value === 'true';
      else if (key === 'theme' && /^(auto|light|dark)$/.test(value)) options.theme = value;
      else if (key === 'id' && /^[A-Za-z0-9_-]{1,40}$/.test(value)) options.id = value;
      else if (key === 'preset' && PLAIN_ID.test(value)) options.preset = value;
      else if (key === 'criteria') options.subset = true;
    });
    return options;
  }

  // Whether the prerendered view is the answer the address asks for: the use
  // case the build drew it with (<html data-answers>, else none), no subset
  // and no shared state.
  function answersAddress(options) {
    var drawn = html.getAttribute('data-answers') || '';
    return options.preset === drawn && !options.subset && w.location.hash.length <= 1;
  }

  // embed.js's protocol: {type: "stackweigh:height", id, height}.
  function reportHeight(id) {
    var last = 0;
    if (!w.ResizeObserver) return;
    new ResizeObserver(function () {
      var height = Math.ceil(html.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      w.parent.postMessage({ type: 'stackweigh:height', id: id, height: height }, '*');
    }).observe(html);
  }

  // Never an empty box: the prerendered default view stays, under this alert.
  function failed() {
    // A crash notice (the app's panic hook) already says what happened.
    if (html.hasAttribute('data-failed')) return;
    var root = d.getElementById('stackweigh');
    var note = d.createElement('p');
    html.setAttribute('data-failed', '');
    html.removeAttribute('data-pending');
    note.className = 'sw-boot-error';
    note.setAttribute('role', 'alert');
    note.textContent =
      'The interactive comparator could not start here (its script or WebAssembly was blocked), so this is the default comparison, read-only.';
    if (!root) return;
    root.prepend(note);
    // The prerendered form cannot do anything now: say so, rather than let it seem to work.
    root.querySelectorAll('input, button').forEach(function (control) {
      control.disabled = true;
    });
  }

  // Glue and wasm side by side, once.
  function starter(glue, wasm) {
    var started = false;
    return function start() {
      if (started) return;
      started = true;
      var bytes = fetch(wasm);
      bytes.catch(function () {});
      import(glue)
        .then(function (module) {
          return module.default({ module_or_path: bytes });
        })
        .catch(failed);
    };
  }

  // After two frames and, top-level, a reported largest paint (so it is the
  // prerendered one); one second at most (no frames in background tabs).
  function afterFirstPaint(start) {
    if (d.hidden) return start();
    var waiting = 2;
    var step = function () {
      if (--waiting === 0) setTimeout(start);
    };
    requestAnimationFrame(function () {
      requestAnimationFrame(step);
    });
    var types = (w.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (w === w.top && types.indexOf('largest-contentful-paint') >= 0) {
      new PerformanceObserver(function (list, observer) {
        observer.disconnect();
        step();
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    } else {
      step();
    }
    setTimeout(start, 1000);
  }

  // A framed embed that must draw its own answer starts as it comes within
  // the loader's margin of the viewport. A cross-origin frame's observer
  // ignores rootMargin (and gets no rootBounds): there the loader's own
  // observer, which makes the frame only within that margin, is the margin,
  // so a frame it made (`made`: an id in the query) starts at once.
  function whenNear(start, made) {
    if (!w.IntersectionObserver) return start();
    var observer = new IntersectionObserver(function (entries) {
      var entry = entries[entries.length - 1];
      if (!entry.isIntersecting && !(made && !entry.rootBounds)) return;
      observer.disconnect();
      start();
    }, { rootMargin: '200px 0px' });
    observer.observe(html);
  }

  // An embed's links open in a new tab, so the reader never loses the post:
  // the widget has no in-page anchor, and a download stays a download. (Not a
  // <base target>: with one, Chromium fetches the disabled print stylesheet.)
  function linksLeave() {
    d.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a[href]');
      if (!link || link.target || link.hasAttribute('download')) return;
      link.target = '_blank';
      link.relList.add('noopener');
    }, true);
  }

  function onIntent(start) {
    var kinds = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'];
    var go = function () {
      kinds.forEach(function (kind) {
        d.removeEventListener(kind, go, true);
      });
      start();
    };
    kinds.forEach(function (kind) {
      d.addEventListener(kind, go, { capture: true, passive: true });
    });
  }

  /**
   * The prerendered page is a live form. Its markup is the page's, with every
   * panel open: an embed closes them as they are parsed (before the first
   * paint). A use case picked before the app is live is kept on the root as
   * data-picked (core::adopt reads it at mount).
   */
  function liveForm(embed) {
    var close = function (node) {
      if (node.nodeType !== 1) return;
      if (node.matches('details[data-panel]')) node.open = false;
      node.querySelectorAll('details[data-panel]').forEach(function (panel) {
        panel.open = false;
      });
    };
    if (embed && w.MutationObserver) {
      var observer = new MutationObserver(function (records) {
        records.forEach(function (record) {
          record.addedNodes.forEach(close);
        });
      });
      observer.observe(html, { childList: true, subtree: true });
      d.addEventListener('DOMContentLoaded', function () {
        observer.disconnect();
      });
    }
    d.addEventListener('click', function (event) {
      var root = d.getElementById('stackweigh');
      var chip = event.target.closest && event.target.closest('[data-preset]');
      if (!chip || !root || !root.hasAttribute('data-prerendered')) return;
      root.setAttribute('data-picked', chip.getAttribute('data-preset'));
      root.querySelectorAll('[data-preset]').forEach(function (other) {
        other.setAttribute('aria-pressed', String(other === chip));
      });
    });
  }

  var options = pageOptions(w.location.search, html.hasAttribute('data-embed'));
  if (options.theme !== 'auto') html.setAttribute('data-theme', options.theme);
  if (options.embed) html.setAttribute('data-embed', '');
  if (options.embed) linksLeave();
  // The print stylesheet: the page's alone (an embed's first bytes stay small).
  else d.querySelectorAll('link[media="print"][disabled]').forEach(function (link) { link.disabled = false; });
  liveForm(options.embed);
  var framedEmbed = options.embed && w !== w.top;
  if (framedEmbed) reportHeight(options.id);
  // An inert frame (the page's own embed preview) never gets intent: a picture, drawn now.
  var waitForIntent = framedEmbed && !(w.frameElement && w.frameElement.inert);

  var glue = script && script.getAttribute('data-glue');
  var wasm = script && script.getAttribute('data-wasm');
  if (!glue || !wasm) return;
  var start = starter(new URL(glue, d.baseURI).href, new URL(wasm, d.baseURI).href);
  // Never another comparison's verdict as this one's: a view that does not
  // answer the address shows "Loading this comparison…" in its verdict's
  // place until the app has drawn the real one.
  var pending = !answersAddress(options);
  if (pending) html.setAttribute('data-pending', '');
  if (!waitForIntent) afterFirstPaint(start);
  else if (pending) whenNear(start, options.id !== '');
  if (waitForIntent) onIntent(start);
})(window, document);
