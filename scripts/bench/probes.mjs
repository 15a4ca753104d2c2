// In-page probes, installed before any app script runs (they are serialised into the page, so self-contained).

/** Records in window.__swReady when the live app's Recommendation region first has text (prerendered markup does not count). */
export const READY_PROBE = (regionName) => {
  window.__swReady = null;
  const check = () => {
    if (window.__swReady !== null) return;
    const label = [...document.querySelectorAll('[id]')].find((el) => el.textContent.trim() === regionName && !el.closest('[data-prerendered]'));
    const region = label && document.querySelector(`[aria-labelledby~="${label.id}"]`);
    if (region && !region.closest('[data-prerendered]') && region.textContent.trim()) window.__swReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
};

/**
 * Top frame only: as soon as a live slider exists, moves it one step (value + `input`, again every 50 ms)
 * and records in window.__swInteractive when its <output> shows the new value.
 */
export const INTERACTIVE_PROBE = () => {
  if (window.top !== window) return;
  window.__swInteractive = null;
  let slider = null;
  let target = null;
  let lastPoke = -Infinity;
  const poke = () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(slider, target);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    lastPoke = performance.now();
  };
  const responded = () => [...document.querySelectorAll('output')].some((o) => o.htmlFor.contains(slider.id) && o.textContent.trim() === target);
  const check = () => {
    if (window.__swInteractive !== null) return;
    if (slider && (!slider.isConnected || slider.closest('[data-prerendered]'))) slider = null;
    if (!slider) {
      slider = [...document.querySelectorAll('input[type=range]')].find((el) => !el.closest('[data-prerendered]')) ?? null;
      if (!slider) return;
      const v = Number(slider.value);
      target = String(v >= Number(slider.max || 10) ? v - 1 : v + 1);
      poke();
    }
    if (responded()) {
      window.__swInteractive = performance.now();
      obs.disconnect();
      clearInterval(timer);
    } else if (performance.now() - lastPoke > 50) poke();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const timer = setInterval(check, 10);
};

/** Paint and navigation entries: synchronous, so it works with JavaScript off too (no timer or observer runs there). */
export const READ_PAINT = () => {
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    firstPaint: paint['first-paint'] ?? null,
    firstContentfulPaint: paint['first-contentful-paint'] ?? null,
    appRendered: window.__swReady ?? null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    loadEvent: nav ? nav.loadEventEnd : null,
  };
};

/**
 * The last LCP candidate and the layout-shift sum (entries without recent input), from buffered observers;
 * needs JavaScript. A plain sum, not CLS's session windows: stricter when shifts are far apart.
 */
export const READ_OBSERVED = () => {
  const buffered = (type) =>
    new Promise((done) => {
      try {
        const po = new PerformanceObserver((list) => done(list.getEntries()));
        po.observe({ type, buffered: true });
        setTimeout(() => done(po.takeRecords()), 200);
      } catch {
        done([]);
      }
    });
  return Promise.all([buffered('largest-contentful-paint'), buffered('layout-shift')]).then(([lcp, shifts]) => {
    const counted = shifts.filter((e) => !e.hadRecentInput);
    return {
      largestContentfulPaint: lcp.length ? lcp[lcp.length - 1].startTime : null,
      cumulativeLayoutShift: counted.reduce((sum, e) => sum + e.value, 0),
      layoutShifts: counted.length,
    };
  });
};
