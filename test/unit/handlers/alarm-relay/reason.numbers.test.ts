import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableReason } from '../../../../handlers/alarm-relay/reason.ts';
import { valueFormat } from '../../../../handlers/cw/metrics/format-value.ts';

/** CloudWatch's threshold sentence for these datapoints (the form the relay reads). */
function sentence(values: number[], threshold: number): string {
  const points = values.map((v, i) => `${v} (02/12/26 05:${String(30 + i).padStart(2, '0')}:00)`).join(', ');
  return `Threshold Crossed: ${values.length} out of the last ${values.length} datapoints [${points}] was greater than the threshold (${threshold}) (minimum ${values.length} datapoints for OK -> ALARM transition).`;
}

describe('handlers/alarm-relay/reason: datapoints read like /cw metrics', () => {
  it('writes the demo incident’s datapoints with one decimal, as the metric shows them', () => {
    // Act
    const line = readableReason({
      state: 'ALARM',
      reason: sentence([94.5, 93.36, 90.78], 80),
      reasonData: { recentDatapoints: [94.5, 93.36, 90.78], threshold: 80 },
      measured: '*CPUUtilization*',
      unit: 'Percent',
    });

    // Assess
    expect(line).toContain('*CPUUtilization* was *94.5%, 93.4%, 90.8%*: greater than the threshold *80%*.');
  });

  it.each(['Percent', 'Bytes', 'Milliseconds', 'Count'] as const)(
    'every %s datapoint is written as /cw metrics writes the same values',
    (unit) => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 1, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 10 }),
          (values) => {
            // Act
            const line =
              readableReason({
                state: 'ALARM',
                reason: sentence(values, 0),
                reasonData: { recentDatapoints: values },
                measured: '*M*',
                unit,
              }) ?? '';

            // Assess
            const f = valueFormat(values, unit);
            expect(line).toContain(`was *${values.map((v) => f(v)).join(', ')}*`);
          },
        ),
      );
    },
  );
});
