import { describe, expect, it } from 'vitest';
import { createAlarmPreview, REPLAY_LINE } from '../../../../infra/local/alarm-preview.ts';
import { PLAIN } from '../../../../infra/local/render-terminal.ts';

function preview() {
  const out: string[] = [];
  const run = createAlarmPreview({
    write: (text) => out.push(text),
    style: PLAIN,
    images: async () => ({ getMetricImage: async () => new Uint8Array([137, 80, 78, 71]) }),
    files: { upload: async () => ({}) },
    now: () => new Date('2026-12-02T06:00:00Z'),
  });
  return { run, out };
}

describe('infra/local/alarm-preview', () => {
  it.each([
    ['fire, resolve, then fire', ['fire', 'resolve']],
    ['resolve, then fire (a fresh shell)', ['resolve']],
  ])(
    '%s: replays the incident from its start as a new preview, never a firing the metric does not show',
    async (_name, before) => {
      // Prepare: what the first firing posted, at the incident's own time
      const first = preview();
      await first.run('fire');
      const original = first.out.find((t) => t.includes('── posted to')) ?? '';
      const { run, out } = preview();
      for (const action of before) await run(action);
      out.length = 0;

      // Act
      await run('fire');

      // Assess
      const text = out.join('\n');
      expect(text).toContain(REPLAY_LINE);
      expect(REPLAY_LINE).toMatch(/^replaying the demo incident from its start/);
      // A new parent in the fresh store, not a reply or an update in the old thread.
      expect(text).not.toMatch(/in the thread of|updated/);
      expect(text).not.toMatch(/again at|arrived late/);
      const posted = out.find((t) => t.includes('── posted to')) ?? '';
      expect(posted).toBe(original);
      expect(posted).toContain('CPUUtilization was 94.5%, 93.4%, 90.8%: greater than the threshold 80%');
    },
  );

  it('after a replayed firing, resolve goes into the new thread, and the next fire replays again', async () => {
    // Prepare
    const { run, out } = preview();
    await run('fire');
    await run('resolve');
    await run('fire');
    out.length = 0;

    // Act
    await run('resolve');
    const resolved = out.splice(0).join('\n');
    await run('fire');

    // Assess
    expect(resolved).toMatch(/in the thread of \d+\.\d+/);
    expect(resolved).not.toContain(REPLAY_LINE);
    expect(out.join('\n')).toContain(REPLAY_LINE);
  });

  it.each([['fire, then resolve', ['fire', 'resolve'], 'OK', 'ALARM']])(
    '%s: the updated parent says one change, its header, reason and time alike',
    async (_name, actions, state, was) => {
      // Prepare
      const { run, out } = preview();
      for (const action of actions.slice(0, -1)) await run(action);
      out.length = 0;

      // Act
      await run(actions.at(-1) ?? '');

      // Assess
      const updated = out.find((text) => /message \d+\.\d+ in C0LOCAL01 updated/.test(text)) ?? '';
      expect(updated).toContain(`${state}: orders-db-cpu-high`);
      const firing = /CPUUtilization was [\d.]+%, [\d.]+%, [\d.]+%: greater than the threshold 80%/;
      const resolved = /CPUUtilization was [\d.]+%: not greater than the threshold 80%/;
      expect(updated).toMatch(state === 'ALARM' ? firing : resolved);
      expect(updated).not.toMatch(state === 'ALARM' ? resolved : firing);
      // The terminal wraps a field in its half of the line, as Slack does.
      expect(updated.replace(/\s+/g, ' ')).toContain(`(was ${was})`);
    },
  );

  it('posts nothing for a second resolve or a second fire', async () => {
    // Prepare
    const { run, out } = preview();
    await run('fire');
    await run('resolve');
    out.length = 0;

    // Act
    await run('resolve');
    const afterResolve = out.splice(0);
    await run('fire');
    await run('fire');

    // Assess
    expect(afterResolve.join('\n')).not.toContain('posted to');
    expect(afterResolve.join('\n')).toContain('nothing posted: the alarm is already OK');
    expect(out.join('\n').match(/── posted to/g)).toHaveLength(1);
    expect(out.join('\n')).toContain('nothing posted: the alarm is already ALARM');
  });
});
