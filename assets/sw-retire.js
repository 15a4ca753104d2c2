/* stackweigh's service worker, retired. To take a deployment of stackweigh
 * down (or to move it), serve this file in place of its sw.js, with
 * `Cache-Control: no-cache`, for as long as old readers may come back
 * (months): deleting sw.js would leave their old worker serving the old
 * page from its cache for ever. On a reader's next visit the browser finds
 * this file, installs it over the old worker, and it deletes that worker's
 * caches, unregisters, and reloads the tabs the old worker served, which
 * then load from the network. README, "Deploy". */
"use strict";
// The prefix of the caches the worker it retires made (a test checks they agree).
const PREFIX = "stackweigh " + self.registration.scope + " ";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX)).map((key) => caches.delete(key))))
      .then(() => self.registration.unregister())
      // Only the tabs an old worker served: any other came from the network already (and reloading it would loop).
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((tabs) => Promise.all(tabs.map((tab) => tab.navigate(tab.url).catch(() => {})))),
  );
});
