// First interaction -> updated recommendation on an embed in a blog post, on a slow phone: 4x CPU slowdown
// and a Fast-4G-like network, from a real pointer input on the prerendered control until the
// Recommendation region's text changes.

import { guardContext } from '../../tests/browser/harness.mjs';
import { RECOMMENDATION } from '../../tests/support/phrases.mjs';
import { waitFor } from '../../tests/support/waits.mjs';
import { VIEWPORT, embedIframe } from './embed.mjs';
import { NETWORK } from './conditions.mjs';
import { networkQuiet } from './traffic.mjs';

/** In every frame, before any page script: when the first pointer / key input came, and when the region text changed. */
const INPUT_PROBE = (regionName) => {
  const state = { firstPointer: null, firstInput: null, before: null, changed: null };
  window.__swBench = state;
  const regionText = () => {
    const label = [...document.querySelectorAll('[id]')].find((el) => el.textContent.trim() === regionName);
    const region = label && document.querySelector(`[aria-labelledby~="${label.id}"]`);
    return region ? region.textContent.replace(/\s+/g, ' ').trim() : null;
  };
  const check = () => {
    if (state.before !== null && state.changed === null && regionText() !== state.before) state.changed = performance.now();
  };
  for (const type of ['pointermove', 'pointerdown', 'keydown']) {
    addEventListener(type, (e) => {
      if (state.firstPointer === null) state.firstPointer = e.timeStamp;
      if (type !== 'pointermove' && state.firstInput === null) state.firstInput = e.timeStamp;
    }, { capture: true, passive: true });
  }
  state.arm = () => {
    state.before = regionText();
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    return state.before;
  };
};

export async function throttle(context, page, cpuRate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: NETWORK.latencyMs,
    downloadThroughput: (NETWORK.downloadMbps * 1e6) / 8,
    uploadThroughput: (NETWORK.uploadMbps * 1e6) / 8,
  });
}

/** The embed's Frame once its document has loaded. */
async function embedFrame(page) {
  const handle = await embedIframe(page).elementHandle();
  return waitFor(async () => {
    const frame = await handle.contentFrame();
    return frame && frame.url() !== 'about:blank' ? frame : false;
  }, { timeout: 60000, message: 'the embed iframe document' });
}

/** A click point on the first visible slider that moves it well away from its value, or null without one. */
async function sliderTarget(frame) {
  const slider = frame.getByRole('slider').first();
  if (!(await slider.count()) || !(await slider.isVisible())) return null;
  await slider.scrollIntoViewIfNeeded();
  const value = Number(await slider.inputValue());
  const box = await slider.boundingBox();
  const fraction = value <= 5 ? 0.85 : 0.15;
  const kept = async () => Number(await slider.inputValue()) !== value;
  return { what: `slider "${await slider.getAttribute('aria-label') ?? 'first'}" from ${value}`, x: box.x + box.width * fraction, y: box.y + box.height / 2, kept };
}

/** A click point on a use-case preset button that is not pressed, or null. */
async function presetTarget(frame) {
  const button = frame.getByRole('group', { name: /preset|use.case/i }).getByRole('button', { pressed: false }).first();
  if (!(await button.count())) return null;
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  const name = (await button.innerText()).trim();
  const kept = async () => (await frame.getByRole('button', { name, exact: true }).first().getAttribute('aria-pressed')) === 'true';
  return { what: `preset "${name}"`, x: box.x + box.width / 2, y: box.y + box.height / 2, kept };
}

/** One cold visit: load, wait for quiet, then move the pointer to a control and click it; times in ms. */
async function oneInteraction(browser, site, { cpuRate, quietMs }) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
  const external = await guardContext(context, { abort: false });
  await context.addInitScript(INPUT_PROBE, RECOMMENDATION);
  try {
    const page = await context.newPage();
    await throttle(context, page, cpuRate);
    await page.goto(site.url, { waitUntil: 'load', timeout: 120000 });
    const frame = await embedFrame(page);
    await networkQuiet([site.widget, site.blog], quietMs, 120000);
    const target = (await sliderTarget(frame)) ?? (await presetTarget(frame));
    if (!target) throw new Error('the embed shows no slider and no preset button to interact with');
    if ((await frame.evaluate(() => window.__swBench.arm())) === null) throw new Error(`no ${RECOMMENDATION} region in the embed`);
    await page.mouse.move(target.x, target.y);
    await page.mouse.click(target.x, target.y);
    const read = () => frame.evaluate(() => {
      const { firstPointer, firstInput, changed } = window.__swBench;
      return { firstPointer, firstInput, changed };
    });
    const t = await waitFor(async () => {
      const now = await read();
      return now.changed !== null && now;
    }, { timeout: 30000, interval: 20, message: 'the recommendation to change after the input' }).catch(read);
    await networkQuiet([site.widget, site.blog], quietMs, 120000);
    return {
      control: target.what,
      // The control still shows the reader's input once the app is live: nothing was reset.
      inputKept: await target.kept(),
      fromPointer: t.changed === null ? null : t.changed - t.firstPointer,
      fromInput: t.changed === null ? null : t.changed - t.firstInput,
      externalRequests: external,
    };
  } finally {
    await context.close();
  }
}

/** `runs` cold visits of the blog post under throttling; each sample is one reader's first interaction. */
export async function measureInteraction(browser, site, { runs, cpuRate, quietMs, log }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    log(`bench: first interaction ${i + 1}/${runs} (${cpuRate}x CPU, ${NETWORK.latencyMs} ms RTT, ${NETWORK.downloadMbps}/${NETWORK.uploadMbps} Mbit/s)`);
    samples.push(await oneInteraction(browser, site, { cpuRate, quietMs }));
  }
  return { cpuRate, network: NETWORK, samples };
}
