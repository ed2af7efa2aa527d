import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpFetch } from '../../../../infra/slack/http-fetch.ts';
import { startSlackApiServer } from '../../../fixtures/slack-api-server.ts';

let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeEach(async () => {
  slack = await startSlackApiServer({ retryAfterSeconds: 3 });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await slack.close();
});

describe('infra/slack/http-fetch', () => {
  it('posts a form body on node:http and reads the answer as WebClient does', async () => {
    // Act
    const response = await httpFetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-test' },
      body: 'channel=C0PAYMENTS1&text=hi',
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(await response.text())).toMatchObject({ ok: true, channel: 'C0PAYMENTS1' });
    expect(slack.callsTo('chat.postMessage')[0]).toMatchObject({ token: 'xoxb-test', args: { text: 'hi' } });
  });

  it('passes a 429 with its Retry-After and every header through', async () => {
    slack.failNext(429);
    const response = await httpFetch(`${slack.apiUrl}chat.update`, { method: 'POST', body: 'ts=1' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(Object.fromEntries(response.headers.entries())).toMatchObject({ 'retry-after': '3' });
  });

  it('is aborted by its signal, as WebClient’s timeout does', async () => {
    slack.delayNextPosts(500);
    const call = httpFetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      body: 'channel=C0A&text=late',
      signal: AbortSignal.timeout(50),
    });
    await expect(call).rejects.toMatchObject({ name: expect.stringMatching(/AbortError|TimeoutError/) });
  });

  it('leaves anything but a string body (a multipart upload) to the global fetch', async () => {
    // Prepare
    const global = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('ok'));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2])]), 'a.png');

    // Act
    await httpFetch('http://127.0.0.1:9/upload', { method: 'POST', body: form });

    // Assess
    expect(global).toHaveBeenCalledWith('http://127.0.0.1:9/upload', { method: 'POST', body: form });
  });

  it('does not load undici, in a process of its own as at a cold start', () => {
    // Prepare: Node lists the built-in modules it has loaded; an ES import of node:http would add undici.
    const script = [
      "const { httpFetch } = await import('./infra/slack/http-fetch.ts');",
      'if (typeof httpFetch !== "function") process.exit(2);',
      "console.log(process.moduleLoadList.filter((m) => m.includes('undici')).join(',') || 'none');",
    ].join('\n');

    // Act
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });

    // Assess
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('none');
  });

  it('sends a byte body itself, not through the global fetch', async () => {
    // Prepare
    const global = vi.spyOn(globalThis, 'fetch');

    // Act
    const response = await httpFetch(`${slack.apiUrl.replace('/api/', '')}/upload/F0BYTES`, {
      method: 'POST',
      body: new Uint8Array([1, 2, 3]),
    });

    // Assess
    expect(response.status).toBe(200);
    expect([...(slack.uploads.get('F0BYTES') ?? [])]).toEqual([1, 2, 3]);
    expect(global).not.toHaveBeenCalled();
  });
});
