// An embed as its host page sees it, for the journeys of both engines: the loader's iframe, whether it is
// as tall as its document, and the height messages the host received (sites.mjs recordMessages).

import { HEIGHT_MESSAGE } from '../sites.mjs';

/** The embed iframe's height on the host page and its document's size; `iframe` is on `app`'s page. */
export async function frameMetrics(app, iframe) {
  const iframeHeight = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  const inner = await app.inFrame(iframe, (frame) =>
    frame.evaluate(() => ({ scrollHeight: document.documentElement.scrollHeight, clientHeight: document.documentElement.clientHeight })),
  );
  return { iframeHeight, ...inner };
}

/** Waits until the iframe is as tall as its document (±2 px) with no vertical scroll bar (and `extra`). */
export async function waitForFit(app, iframe, { extra = () => true, message = '' } = {}) {
  let last;
  try {
    return await app.waitFor(async () => {
      last = await frameMetrics(app, iframe);
      const fits = Math.abs(last.iframeHeight - last.scrollHeight) <= 2 && last.scrollHeight <= last.clientHeight + 1;
      return fits && extra(last) ? last : false;
    }, { message: `the embed to fit its content${message}` });
  } catch (err) {
    err.message += ` — last metrics ${JSON.stringify(last)}`;
    throw err;
  }
}

/** The heights the host page has received in height messages, in order. */
export async function heightMessages(app) {
  return (await app.evaluate(() => window.__swMessages.slice())).filter((m) => m.type === HEIGHT_MESSAGE).map((m) => m.height);
}

/** The loader's iframe in the index-th embed div of the host page, once it is there. */
export function embedIframe(app, index) {
  return app.waitFor(async () => (await app.css('.stackweigh-embed'))[index]?.css('iframe').then((found) => found[0]), {
    message: `embed ${index}'s iframe`,
  });
}

/** Scrolls the host page to the index-th embed div, as a reader does. */
export async function scrollToEmbed(app, index) {
  const div = (await app.css('.stackweigh-embed'))[index];
  await div.scrollIntoView();
  return div;
}

/**
 * Scrolls the host page so that the first <summary> in `iframe` that says `text` is in the middle of the
 * viewport, as a reader scrolls to what they will click. A click in a cross-origin embed does not wait
 * for it: WebDriver scrolls the embed's own document, and Firefox scrolls the host (another process)
 * too late or not at all, so the click can land below the fold and miss.
 */
export async function scrollEmbedToSummary(app, iframe, text) {
  const y = await app.inFrame(iframe, (frame) =>
    frame.evaluate((text) => {
      const summary = [...document.querySelectorAll('summary')].find((s) => s.textContent.includes(text));
      const box = summary.getBoundingClientRect();
      return box.top + box.height / 2;
    }, text),
  );
  await iframe.evaluate((el, y) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY + y - innerHeight / 2), y);
}
