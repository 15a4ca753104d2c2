// A minimal W3C WebDriver client over Node's fetch (no dependency), enough to
// drive Debian's firefox-esr through geckodriver: sessions, navigation, CSS
// look-ups, clicks, keys, scripts, and the accessibility look-ups WebDriver
// defines (computed role and computed label, read from Firefox's own
// accessibility tree).
//
// Why not Playwright: its Firefox is a patched build it downloads; why not
// selenium-webdriver: it brings Selenium Manager, which may try to download
// drivers. Raw WebDriver is ~200 lines and has neither problem.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** WebDriver key code points (https://w3c.github.io/webdriver/#keyboard-actions). */
export const Key = Object.freeze({
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Escape: '\uE00C',
  Space: '\uE00D',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
});

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`WebDriver ${method} ${path} -> ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`);
    this.status = status;
    this.error = value?.error;
  }
}

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Start geckodriver on 127.0.0.1 and wait until it answers /status.
 * `env` is added to its environment (and so to Firefox's).
 * Returns { url, stop(), output() }.
 */
export async function startGeckodriver({ path: bin = 'geckodriver', timeoutMs = 15000, logLevel = 'warn', extraArgs = [], env = {} } = {}) {
  const port = await freePort();
  const child = spawn(bin, ['--host', '127.0.0.1', '--port', String(port), '--log', logLevel, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Firefox inherits geckodriver's environment.
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let exited = null;
  const spawnError = new Promise((_, reject) => child.once('error', (err) => reject(err)));
  child.once('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`geckodriver exited (${JSON.stringify(exited)}): ${out}`);
    try {
      const res = await Promise.race([fetch(`${url}/status`), spawnError]);
      if (res.ok) break;
    } catch (err) {
      if (err?.code === 'ENOENT') throw new Error(`${bin} not found: run ./scripts/setup.sh (cargo install geckodriver)`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`geckodriver did not answer on ${url} within ${timeoutMs} ms: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    output: () => out,
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) child.kill('SIGKILL');
    },
  };
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`WebDriver ${method} ${path} -> ${res.status}: not JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}

/** A WebDriver element reference bound to its session. */
export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  toJSON() {
    return { [ELEMENT_KEY]: this.id };
  }
  #path(suffix = '') {
    return `/element/${this.id}${suffix}`;
  }
  click() {
    return this.session.cmd('POST', this.#path('/click'), {});
  }
  /** Element Send Keys: focuses the element, then types `text` (Key.* allowed). */
  sendKeys(text) {
    return this.session.cmd('POST', this.#path('/value'), { text });
  }
  text() {
    return this.session.cmd('GET', this.#path('/text'));
  }
  attribute(name) {
    return this.session.cmd('GET', this.#path(`/attribute/${encodeURIComponent(name)}`));
  }
  property(name) {
    return this.session.cmd('GET', this.#path(`/property/${encodeURIComponent(name)}`));
  }
  displayed() {
    return this.session.cmd('GET', this.#path('/displayed'));
  }
  /** The ARIA role Firefox computed for this element. */
  computedRole() {
    return this.session.cmd('GET', this.#path('/computedrole'));
  }
  /** The accessible name Firefox computed for this element. */
  computedLabel() {
    return this.session.cmd('GET', this.#path('/computedlabel'));
  }
  async findAll(css) {
    const found = await this.session.cmd('POST', this.#path('/elements'), { using: 'css selector', value: css });
    return found.map((r) => new Element(this.session, r[ELEMENT_KEY]));
  }
}

export class Session {
  constructor(driverUrl, id, capabilities) {
    this.base = `${driverUrl}/session/${id}`;
    this.id = id;
    this.capabilities = capabilities;
  }

  static async create(driverUrl, capabilities) {
    const value = await call(driverUrl, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(driverUrl, value.sessionId, value.capabilities);
  }

  cmd(method, path, body) {
    return call(this.base, method, path, body);
  }
  #wrap(value) {
    if (Array.isArray(value)) return value.map((v) => this.#wrap(v));
    if (value && typeof value === 'object') {
      if (typeof value[ELEMENT_KEY] === 'string') return new Element(this, value[ELEMENT_KEY]);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.#wrap(v)]));
    }
    return value;
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }
  currentUrl() {
    return this.cmd('GET', '/url');
  }
  setWindowRect(rect) {
    return this.cmd('POST', '/window/rect', rect);
  }
  async findAll(css) {
    const found = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return found.map((r) => new Element(this, r[ELEMENT_KEY]));
  }
  async activeElement() {
    try {
      return new Element(this, (await this.cmd('GET', '/element/active'))[ELEMENT_KEY]);
    } catch (err) {
      if (err.error === 'no such element') return null;
      throw err;
    }
  }
  /** Run `fn` (a function or a function body string) in the page with `args`; elements come back as Element. */
  async execute(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    return this.#wrap(await this.cmd('POST', '/execute/sync', { script, args }));
  }
  /** Press keys on whatever has focus (a W3C key action sequence). */
  pressKeys(...keys) {
    const actions = [];
    for (const k of keys) actions.push({ type: 'keyDown', value: k }, { type: 'keyUp', value: k });
    return this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }
  /** Shift+key chords, e.g. Shift+Tab. */
  pressChord(modifier, key) {
    return this.cmd('POST', '/actions', {
      actions: [
        {
          type: 'key',
          id: 'keyboard',
          actions: [
            { type: 'keyDown', value: modifier },
            { type: 'keyDown', value: key },
            { type: 'keyUp', value: key },
            { type: 'keyUp', value: modifier },
          ],
        },
      ],
    });
  }
  releaseActions() {
    return this.cmd('DELETE', '/actions');
  }
  async close() {
    try {
      await this.cmd('DELETE', '');
    } catch {
      // already gone
    }
  }
}
