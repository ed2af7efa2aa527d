import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUTTON_VALUE_MAX,
  decodeMetricsRange,
  encodeMetricsRange,
  metricsActions,
  RANGES,
  rangeButtons,
} from '../../../../../handlers/cw/metrics/actions.ts';
import { METRICS_BUTTONS } from '../../../../../handlers/cw/metrics/buttons.ts';
import { REGISTRY } from '../../../../../handlers/registry.ts';

describe('handlers/cw/metrics/actions', () => {
  it('has one button per range, each with its own action id that the registry answers', () => {
    // Act
    const buttons = rangeButtons('cw_metrics_range', '{}', 3 * 3600);

    // Assess
    expect(buttons.map((b) => [b.action_id, b.text.text, b.style])).toEqual([
      ['cw_metrics_range_1h', '1h', undefined],
      ['cw_metrics_range_3h', '3h', 'primary'],
      ['cw_metrics_range_1d', '1d', undefined],
      ['cw_metrics_range_7d', '7d', undefined],
    ]);
    const answered = REGISTRY.buttons.map((b) => b.actionId);
    for (const b of buttons) expect(answered).toContain(b.action_id);
    expect(METRICS_BUTTONS.filter((b) => 'press' in b).map((b) => ('path' in b ? b.path : []))).toEqual(
      RANGES.map(() => ['/cw', 'metrics']),
    );
  });

  it("offers no range button whose value would pass Slack's 2,000 characters, and keeps Graph when it fits", () => {
    // Prepare
    const long = {
      v: 1 as const,
      w: Array.from({ length: 200 }, (_, i) => `InstanceId=i-${String(i).padStart(17, '0')}`),
    };
    expect(encodeMetricsRange(long).length).toBeGreaterThan(BUTTON_VALUE_MAX);

    // Act
    const actions = metricsActions({ graphCommand: 'metrics a b --graph', range: long });
    const none = metricsActions({ graphCommand: 'x'.repeat(2001), range: long });

    // Assess
    expect(actions?.elements.map((e) => ('action_id' in e ? e.action_id : ''))).toEqual(['cw_metrics_graph']);
    expect(none).toBeUndefined();
  });

  it('reads back exactly what it wrote, and nothing else, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            w: fc.array(fc.string(), { maxLength: 5 }),
            p: fc.integer({ min: 1, max: 86400 }),
            g: fc.constant(1 as const),
            s: fc.constant(1 as const),
            f: fc.stringMatching(/^F[A-Z0-9]{1,12}$/),
          },
          { requiredKeys: ['w'] },
        ),
        (fields) => {
          const value = { v: 1 as const, ...fields };
          expect(decodeMetricsRange(encodeMetricsRange(value))).toEqual(value);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), (raw, json) => {
        for (const text of [raw, JSON.stringify(json)]) {
          const decoded = decodeMetricsRange(text);
          expect(decoded === undefined || (decoded.v === 1 && Array.isArray(decoded.w))).toBe(true);
        }
      }),
    );
    expect(decodeMetricsRange(JSON.stringify({ v: 1, w: ['a'], f: 'F1 ; rm' }))).toBeUndefined();
    expect(decodeMetricsRange(JSON.stringify({ v: 1, w: ['a'], p: -5 }))).toBeUndefined();
  });
});
