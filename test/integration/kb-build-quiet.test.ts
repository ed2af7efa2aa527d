import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(
  command: string,
  args: string[],
  input = '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const build = (notes: string, out: string) => run(process.execPath, ['knowledge/build-cli.ts', notes, out]);
const past = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe('npm run kb:build before npm start', () => {
  it('builds when the index is missing or older than a note, saying so on stderr, and is silent otherwise', async () => {
    // Prepare: a copy of the notes, so the test can touch and delete them.
    const dir = mkdtempSync(join(tmpdir(), 'kb-build-'));
    const notes = join(dir, 'notes');
    const out = join(dir, 'kb.json');
    cpSync('knowledge/notes', notes, { recursive: true });
    try {
      // Act + Assess: no index yet.
      const first = await build(notes, out);
      expect(first.code).toBe(0);
      expect(first.stdout).toBe('');
      expect(first.stderr).toMatch(/^kb:build: \d+ notes \(\d+ services\)/);

      // Nothing changed: nothing printed, the index is not rewritten.
      const builtAt = statSync(out).mtimeMs;
      const second = await build(notes, out);
      expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(statSync(out).mtimeMs).toBe(builtAt);

      // A note edited after the index was built.
      utimesSync(out, past(60), past(60));
      utimesSync(join(notes, 'aurora.md'), past(30), past(30));
      expect((await build(notes, out)).stderr).toMatch(/^kb:build: /);

      // A note deleted after the index was built (the folder's time changes).
      utimesSync(out, past(60), past(60));
      rmSync(join(notes, 'case-expedia.md'));
      const afterDelete = await build(notes, out);
      const count = (stderr: string) => Number(/^kb:build: (\d+) notes/.exec(stderr)?.[1]);
      expect(count(afterDelete.stderr)).toBe(count(first.stderr) - 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the data-source banner as the first line npm start --silent prints', async () => {
    // Act: prestart runs kb:build first, whether or not the index is up to date.
    const { code, stdout } = await run('npm', ['start', '--silent'], '/cw help\n', {
      ...process.env,
      DATA_SOURCE: '',
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      NO_COLOR: '1',
    });

    // Assess
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^cw-chatops local shell · data source: demo/);
  });
});
