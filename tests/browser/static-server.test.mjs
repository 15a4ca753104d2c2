// The static server that serve.sh and these tests use: MIME types, index.html
// for directories, 404s, no path traversal, loopback only, extra headers hook.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm, symlink } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';

/** Raw GET (no URL normalisation, unlike fetch), so traversal attempts reach the server as written. */
function rawGet(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static-server.mjs', () => {
  let tmp;
  let root;
  let srv;
  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sw-static-'));
    root = path.join(tmp, 'dist');
    await mkdir(path.join(root, 'sub'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>root</title>');
    await writeFile(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
    await writeFile(path.join(root, 'app-abc_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    await writeFile(path.join(root, 'app-abc.js'), 'export {}');
    await writeFile(path.join(root, 'style-1.css'), 'body{}');
    await writeFile(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(root, 'site.webmanifest'), '{}');
    await writeFile(path.join(root, 'file with space.txt'), 'spaced');
    await writeFile(path.join(tmp, 'secret.txt'), 'SECRET');
    await symlink(path.join(tmp, 'secret.txt'), path.join(root, 'link.txt'));
    srv = await startServer({
      root,
      port: 0,
      headers: (_req, file) => (file?.endsWith('.html') ? { 'Content-Security-Policy': "default-src 'self'" } : {}),
    });
  });
  after(async () => {
    await srv?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  test('binds 127.0.0.1 on an ephemeral port', () => {
    assert.equal(srv.server.address().address, '127.0.0.1');
    assert.ok(srv.port > 0);
    assert.equal(srv.url, `http://127.0.0.1:${srv.port}/`);
  });

  test('serves index.html for / and for a sub-directory (redirecting to add the slash)', async () => {
    const r = await rawGet(srv.port, '/');
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^text\/html/);
    assert.match(r.body, /root/);
    const redirect = await rawGet(srv.port, '/sub');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/sub/');
    const sub = await rawGet(srv.port, '/sub/');
    assert.equal(sub.status, 200);
    assert.match(sub.body, /sub/);
  });

  test('sends the right MIME types', async () => {
    const want = {
      '/app-abc_bg.wasm': /^application\/wasm$/,
      '/app-abc.js': /^text\/javascript/,
      '/style-1.css': /^text\/css/,
      '/icon.svg': /^image\/svg\+xml$/,
      '/site.webmanifest': /^application\/manifest\+json/,
      '/file%20with%20space.txt': /^text\/plain/,
    };
    for (const [p, re] of Object.entries(want)) {
      const r = await rawGet(srv.port, p);
      assert.equal(r.status, 200, p);
      assert.match(r.headers['content-type'], re, p);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
  });

  test('404 for missing files; 405 for other methods; HEAD has no body', async () => {
    assert.equal((await rawGet(srv.port, '/nope.js')).status, 404);
    assert.equal((await rawGet(srv.port, '/index.html', 'POST')).status, 405);
    const head = await rawGet(srv.port, '/app-abc.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal(head.headers['content-length'], String('export {}'.length));
  });

  test('never serves anything outside the root', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/sub/../../secret.txt', '/link.txt', '/%00', '/..%5csecret.txt', '/%E0%A4%A']) {
      const r = await rawGet(srv.port, p);
      assert.notEqual(r.status, 200, p);
      assert.doesNotMatch(r.body, /SECRET/, p);
    }
  });

  test('applies the extra headers hook', async () => {
    const html = await rawGet(srv.port, '/');
    assert.equal(html.headers['content-security-policy'], "default-src 'self'");
    const js = await rawGet(srv.port, '/app-abc.js');
    assert.equal(js.headers['content-security-policy'], undefined);
  });

  test('rejects a busy port with EADDRINUSE', async () => {
    await assert.rejects(startServer({ root, port: srv.port }), { code: 'EADDRINUSE' });
  });
});
