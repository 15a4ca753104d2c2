// The network rule of every browser run here: nothing may leave 127.0.0.1.

/** True for http and ws URLs on 127.0.0.1 and for URLs that never touch the network (data:, blob:, about:). */
export function isLocalUrl(url) {
  if (/^(data|blob|about):/.test(url)) return true;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && parsed.hostname === '127.0.0.1';
}
