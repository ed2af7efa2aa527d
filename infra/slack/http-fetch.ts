import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';

// Required, not imported: an ES import of node:http builds its module namespace, which reads the
// lazy `WebSocket` export and so loads undici after all (Node 24; tens of ms, `npm run bench`).
const require = createRequire(import.meta.url);
const { request: httpRequest } = require('node:http') as typeof import('node:http');
const { request: httpsRequest } = require('node:https') as typeof import('node:https');

/**
 * The part of `fetch` WebClient uses for Web API calls with a form-encoded body (and a file's bytes,
 * slack-upload.ts), on node:http(s).
 * Node's own fetch (undici) is compiled on its first use, about 50 ms of a cold start measured
 * with `npm run bench`; the relay's first Slack call is the alarm post, so that time delayed every
 * cold alarm. Anything else (a multipart upload, a stream) goes to the global fetch.
 */
export const httpFetch = ((input: string | URL, init: RequestInit = {}) => {
  const body = init.body;
  const bytes = body instanceof Uint8Array;
  if (body !== undefined && body !== null && typeof body !== 'string' && !bytes) return globalThis.fetch(input, init);
  const url = new URL(String(input));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers as Record<string, string>,
        signal: init.signal ?? undefined,
      },
      (res) => resolve(responseOf(url, res)),
    );
    req.on('error', reject);
    req.end(body instanceof Uint8Array ? body : (body ?? undefined));
  });
}) as unknown as typeof fetch;

function responseOf(url: URL, res: IncomingMessage) {
  const text = (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  })();
  const header = (name: string) => {
    const value = res.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    url: url.toString(),
    status: res.statusCode ?? 0,
    statusText: res.statusMessage ?? '',
    ok: (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300,
    headers: {
      get: header,
      entries: () =>
        Object.keys(res.headers)
          .map((k) => [k, header(k) ?? ''] as [string, string])
          [Symbol.iterator](),
    },
    text: async () => (await text).toString('utf8'),
    json: async () => JSON.parse((await text).toString('utf8')),
    arrayBuffer: async () => {
      const buffer = await text;
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    },
  };
}
