// Plumbing for the Firefox tests: the static server over dist/, a guard proxy
// that records (and refuses) every request Firefox tries to send anywhere but
// 127.0.0.1, geckodriver, and a headless Debian firefox-esr with a fresh
// profile and the background-traffic prefs turned off.
//
//   STACKWEIGH_DIST   the built site (default: REPO/dist)
//   FIREFOX_PATH      default /usr/bin/firefox-esr (then /usr/bin/firefox)
//   GECKODRIVER_PATH  default: geckodriver on PATH, else ~/.cargo/bin/geckodriver

import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST, REPO } from '../support/paths.mjs';
import { waitFor as pollUntil } from '../support/waits.mjs';
import { Session, startGeckodriver } from './webdriver.mjs';

export { DIST, REPO };
export const TIMEOUT_MS = Number(process.env.BROWSER_TEST_TIMEOUT_MS || 20000);
/** How the Firefox suite polls: WebDriver round trips are slower than Playwright's. */
export const POLL = Object.freeze({ timeout: TIMEOUT_MS, interval: 50 });

/** The shared polling helper, with Firefox's longer default timeout. */
export const waitFor = (fn, options = {}) => pollUntil(fn, { ...POLL, ...options });

export function firefoxPath() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  throw new Error('firefox-esr not found: run ./scripts/setup.sh (apt-get install firefox-esr)');
}

export function geckodriverPath() {
  if (process.env.GECKODRIVER_PATH) return process.env.GECKODRIVER_PATH;
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'geckodriver'))) return path.join(dir, 'geckodriver');
  }
  const cargo = path.join(os.homedir(), '.cargo', 'bin', 'geckodriver');
  if (existsSync(cargo)) return cargo;
  throw new Error('geckodriver not found: run ./scripts/setup.sh (cargo install geckodriver)');
}

/**
 * An HTTP proxy on 127.0.0.1 that answers every request with 403 and every
 * CONNECT by closing the socket, after noting the destination. Firefox never
 * proxies 127.0.0.1 (network.proxy.allow_hijacking_localhost is false), so
 * the page itself is served directly while anything bound for the outside
 * world ends up here instead.
 */
export async function startGuardProxy() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'Content-Type': 'text/plain', Connection: 'close' });
    res.end('blocked by the stackweigh test guard\n');
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Prefs that keep Firefox from talking to anyone on its own. */
export function quietPrefs(proxyPort) {
  return {
    // Everything not addressed to 127.0.0.1 goes to the guard proxy.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.update.checkInstallTime': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.passwords.enabled': false,
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.search.update': false,
    'browser.search.geoSpecificDefaults': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.newtabpage.enabled': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.topsites.contile.enabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.aboutHomeSnippets.updateUrl': '',
    'browser.discovery.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'geo.provider.network.url': '',
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-gmpopenh264.autoupdate': false,
    'media.gmp-widevinecdm.enabled': false,
    'identity.fxaccounts.enabled': false,
    'services.sync.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    // Remote settings (blocklists, search config, …): a dummy that never
    // reaches the network, as Mozilla's own test harnesses do.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.translations.enable': false,
    'privacy.sanitize.sanitizeOnShutdown': false,
    // Page console messages on Firefox's stdout, which geckodriver passes on:
    // the tests read console errors from there.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': false,
    'browser.backup.enabled': false,
    'browser.backup.scheduled.enabled': false,
  };
}


/**
 * A line of Firefox's stdout as a problem: `console.error: "text"` -> `console error: text`, and
 * `JavaScript error: <file>, line <n>: <message>` -> `page error: <message> (<file>:<n>)`.
 */
export function describeConsoleLine(line) {
  const logged = /^console\.error: (.*)$/s.exec(line);
  if (logged) {
    let text = logged[1];
    try {
      if (/^".*"$/s.test(text)) text = JSON.parse(text);
    } catch {
      // printed as it came
    }
    return `console error: ${text}`;
  }
  const thrown = /^JavaScript error: (.*?), line (\d+): (.*)$/s.exec(line);
  return thrown ? `page error: ${thrown[3]} (${thrown[1]}:${thrown[2]})` : `console: ${line}`;
}

/**
 * What should fail a journey, read from the guard proxy and Firefox's stdout: `notePage(url)` counts a
 * document's origin (or file) among the page's own, `mark()` says where the records stand, and
 * `consoleErrors(mark)` and `problems(mark)` list what came after (default: since the session started).
 */
function problemRecords(server, proxy, driver) {
  const start = { requests: 0, output: driver.output().length };
  // Where the page's own scripts come from: an uncaught error located there is the page's.
  const pages = new Set([server.url]);
  /**
   * Console errors and uncaught errors of the page (content console only; errors of Firefox's own code,
   * which name resource:// or chrome:// files, are not the page's).
   */
  const consoleErrors = (mark = start) => {
    const prefixes = [...pages].map((u) => `JavaScript error: ${u}`);
    return driver
      .output()
      .slice(mark.output)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('console.error:') || prefixes.some((p) => l.startsWith(p)));
  };
  return {
    notePage(url) {
      const u = new URL(url);
      if (u.protocol === 'file:') pages.add(`file://${u.pathname}`);
      else if (u.protocol === 'http:' || u.protocol === 'https:') pages.add(`${u.origin}/`);
    },
    mark: () => ({ requests: proxy.seen.length, output: driver.output().length }),
    consoleErrors,
    /** Worded as the Chromium harness words its problems. */
    problems: (mark = start) => [...proxy.seen.slice(mark.requests).map((r) => `external request: ${r}`), ...consoleErrors(mark).map(describeConsoleLine)],
  };
}

/**
 * Server + guard proxy + geckodriver + one Firefox session (fresh profile)
 * per test file.  const env = await startFirefoxEnv(); …; await env.close();
 */
export async function startFirefoxEnv({ width = 1280, height = 900 } = {}) {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html missing: build first with \`trunk build --release --offline\` (or set STACKWEIGH_DIST)`);
  }
  const binary = firefoxPath();
  const driverBin = geckodriverPath();
  const cleanups = [];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
  };
  try {
    const server = await startServer({ root: DIST, port: 0 });
    cleanups.push(() => server.close());
    const proxy = await startGuardProxy();
    cleanups.push(() => proxy.close());
    // Firefox inherits geckodriver's environment. MOZ_DISABLE_NONLOCAL_CONNECTIONS
    // is Firefox's own test switch: it refuses connections to anything but
    // local addresses, and it is what lets the remote-settings dummy in
    // quietPrefs take effect in a release build (else Firefox keeps polling
    // firefox.settings.services.mozilla.com).
    const driver = await startGeckodriver({
      path: driverBin,
      env: { MOZ_HEADLESS: '1', MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    });
    cleanups.push(() => driver.stop());
    const session = await Session.create(driver.url, {
      browserName: 'firefox',
      acceptInsecureCerts: false,
      pageLoadStrategy: 'normal',
      timeouts: { implicit: 0, pageLoad: 30000, script: 30000 },
      'moz:firefoxOptions': {
        binary,
        // geckodriver makes a fresh temporary profile for every session.
        args: ['-headless'],
        prefs: quietPrefs(proxy.port),
      },
    });
    cleanups.push(() => session.close());
    await session.setWindowRect({ width, height });
    return {
      url: server.url,
      session,
      proxy,
      driver,
      browserName: session.capabilities.browserName,
      browserVersion: session.capabilities.browserVersion,
      ...problemRecords(server, proxy, driver),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
