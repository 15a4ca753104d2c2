/* stackweigh: offline support. Registers the service worker (sw.js, beside
 * the page), never in an embed (a blog reader should not get a worker and
 * its precache from a widget seen once), and, when a new version has been
 * downloaded and waits, offers a "Reload" button that switches to it. A file
 * of its own, not inline and not in the wasm: the page's
 * Content-Security-Policy allows scripts from the bundle only, and the app
 * works the same without it. */
(function (w, d) {
  'use strict';
  var container;
  // Embed mode, as boot.js marked it before the first paint.
  if (d.documentElement.hasAttribute('data-embed')) return;
  // Service workers need an http(s) page with a real origin: not file://,
  // not a sandboxed iframe (opaque origin, where even reading
  // navigator.serviceWorker throws), not an insecure context.
  if (!/^https?:$/.test(w.location.protocol) || w.origin === 'null' || !w.isSecureContext) return;
  try {
    container = w.navigator.serviceWorker;
  } catch (e) {
    return;
  }
  if (!container) return;

  var reloading = false;
  container.addEventListener('controllerchange', function () {
    // Only after the reader asked: a first install never reloads the page.
    if (reloading) w.location.reload();
  });

  function offer(worker) {
    if (d.querySelector('.sw-update')) return;
    var box = d.createElement('div');
    box.className = 'sw-update';
    box.setAttribute('role', 'status');
    d.body.appendChild(box);
    // Filled after it is in the page, so screen readers announce it.
    var text = d.createElement('span');
    text.textContent = 'A new version is available — ';
    var button = d.createElement('button');
    button.type = 'button';
    button.className = 'sw-update-button';
    button.textContent = 'Reload';
    button.addEventListener('click', function () {
      reloading = true;
      button.disabled = true;
      worker.postMessage('skip-waiting');
    });
    box.appendChild(text);
    box.appendChild(button);
  }

  function follow(worker) {
    if (!worker) return;
    worker.addEventListener('statechange', function () {
      if (worker.state === 'installed' && container.controller) offer(worker);
    });
  }

  function watch(registration) {
    // Automation that blocks service workers resolves with nothing.
    if (!registration) return;
    // A page with no controller is a first visit: its worker is not an update.
    if (registration.waiting && container.controller) offer(registration.waiting);
    // The browser checks for an update as the page loads, so one may
    // already be installing by the time this runs.
    follow(registration.installing);
    registration.addEventListener('updatefound', function () {
      follow(registration.installing);
    });
  }

  function register() {
    container.register('sw.js', { scope: './' }).then(watch, function () {
      // No offline support here (private mode, blocked storage): the page
      // works as before, and there is nothing to tell the reader.
    });
  }

  // After the page's own loading, so the precache never competes with the wasm.
  if (d.readyState === 'complete') register();
  else w.addEventListener('load', register);
})(window, document);
