import { afterEach, describe, expect, it } from 'vitest';
import { postToResponseUrl, ResponseUrlError } from '../../../../infra/slack/response-url.ts';
import { startResponseUrlServer } from '../../../fixtures/response-url-server.ts';

let server: Awaited<ReturnType<typeof startResponseUrlServer>> | undefined;
afterEach(async () => server?.close());

describe('infra/slack/response-url', () => {
  it('posts the message as JSON', async () => {
    // Prepare
    server = await startResponseUrlServer();

    // Act
    await postToResponseUrl(`${server.url}/commands/1/2`, { text: 'hi', replace_original: true });

    // Assess
    expect(server.posts).toEqual([{ path: '/commands/1/2', body: { text: 'hi', replace_original: true } }]);
  });

  it('retries a 5xx and a 429, then succeeds', async () => {
    server = await startResponseUrlServer([503, 429]);
    await postToResponseUrl(`${server.url}/r`, { text: 'hi' }, { backoffMs: 1 });
    expect(server.posts).toHaveLength(1);
  });

  it('does not retry a 404 (an expired or used URL)', async () => {
    server = await startResponseUrlServer([404, 404]);
    await expect(postToResponseUrl(`${server.url}/r`, { text: 'hi' }, { backoffMs: 1 })).rejects.toThrow(
      /answered 404/,
    );
    expect(server.posts).toHaveLength(0);
  });

  it('gives up after its attempts when the server keeps failing or cannot be reached', async () => {
    server = await startResponseUrlServer([500, 500, 500]);
    await expect(postToResponseUrl(`${server.url}/r`, { text: 'hi' }, { backoffMs: 1 })).rejects.toThrow(
      /answered 500/,
    );
    await expect(postToResponseUrl('http://127.0.0.1:9/r', { text: 'hi' }, { backoffMs: 1 })).rejects.toBeInstanceOf(
      ResponseUrlError,
    );
  });
});
