// Polling waits for both engines: neither playwright-core nor raw WebDriver has an `expect` that fits.

export const TIMEOUT_MS = Number(process.env.BROWSER_TEST_TIMEOUT_MS || 15000);

/**
 * Poll `fn` until it returns a truthy value (returned) or the timeout passes
 * (throws, with the last value / error in the message).
 */
export async function waitFor(fn, { timeout = TIMEOUT_MS, interval = 25, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await fn();
      lastErr = undefined;
      if (last) return last;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      const detail = lastErr ? `last error: ${lastErr.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Polls `read()` until it differs from `before` (by `differs`) and returns the new value. */
export function waitForChange(read, before, { differs = (a, b) => a !== b, ...options } = {}) {
  return waitFor(async () => {
    const now = await read();
    return differs(now, before) ? now : false;
  }, options);
}
