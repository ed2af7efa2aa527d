import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { attempt } from '../../../../fixtures/outcome.ts';

const parse = (text: string) => parseMetricsArgs(tokenize(text));

function refusal(text: string): UserInputError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('handlers/cw/metrics/parse-metrics: input bounds', () => {
  it.each([
    ['rds cpu', 64, 63, 'an RDS DB instance identifier'],
    ['lambda errors', 65, 64, 'a Lambda function name'],
    ['ec2 cpu', 20, 19, 'an EC2 instance ID'],
  ])(
    '`%s`: refuses a name longer than AWS allows, with the limit, echoing only its start',
    (words, length, max, what) => {
      // Prepare: one character over the limit (and a fitting one is still accepted)
      const tooLong = `a${'b'.repeat(length - 1)}`;
      const fits = `a${'b'.repeat(max - 1)}`;

      // Act
      const error = refusal(`${words} ${tooLong}`);

      // Assess
      expect(error.message).toContain(`cannot be ${what}: those are at most ${max} characters`);
      expect(error.message).toContain(`(${length} characters)`);
      expect(() => parse(`${words} ${fits}`)).not.toThrow();
    },
  );

  it('refuses the issue’s 500-character identifier and a 1,025-character dimension value, echoing 40 characters at most', () => {
    for (const text of [
      `rds cpu ${'x'.repeat(500)}`,
      `MyApp OrdersPlaced Stage=${'s'.repeat(1025)}`,
      `AWS/RDS CPUUtilization DBInstanceIdentifier=${'d'.repeat(500)}`,
    ]) {
      const { message } = refusal(text);
      expect(message.length).toBeLessThan(300);
      expect(message).toMatch(/at most (63|1024) characters|allows at most 1024/);
    }
    expect(() => parse(`MyApp OrdersPlaced Stage=${'s'.repeat(1024)}`)).not.toThrow();
  });

  it('never echoes more than 40 characters of any word it refuses', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 41, maxLength: 3000 }),
        fc.constantFrom('rds cpu', 'MyApp M D=', ''),
        (junk, before) => {
          const word = junk.replace(/\s/g, 'x');
          const outcome = attempt(() => parse(`${before}${before.endsWith('=') ? '' : ' '}${word}`));
          // A refusal never echoes the whole long word and stays short; anything but bad input fails.
          const refusal = outcome.ok
            ? ''
            : outcome.error instanceof UserInputError
              ? outcome.error.message
              : String(outcome.error);
          expect(outcome.ok || outcome.error instanceof UserInputError).toBe(true);
          expect(refusal).not.toContain(word);
          expect(refusal.length).toBeLessThan(600);
        },
      ),
    );
  });

  it.each([
    ['rds cpu ,orders-db', '`,orders-db` has an empty value for DBInstanceIdentifier'],
    ['rds cpu , orders-db', 'has an empty value for DBInstanceIdentifier'],
  ])('`%s`: a comma never joins the metric to the values', (text, said) => {
    const { message } = refusal(text);
    expect(message).toContain(said);
    expect(message).not.toMatch(/cpu,orders-db/);
  });

  it('still reads a list split around its commas', () => {
    expect(parse('rds cpu orders-db ,users-db').series.map((s) => s.dimensions[0]?.value)).toEqual([
      'orders-db',
      'users-db',
    ]);
    expect(parse('rds cpu orders-db, users-db').series).toHaveLength(2);
  });

  it.each([
    'rds cpu orders-db --',
    'rds cpu orders-db -',
    'rds cpu orders-db —',
    'AWS/EC2 CPUUtilization -- InstanceId=i-0abc',
  ])('`%s`: a flag without a name says so and lists the flags', (text) => {
    const { message } = refusal(text);
    expect(message).toMatch(/is a flag without its name\. The flags are --since, --stat, --period/);
    expect(message).not.toMatch(/^Unexpected/);
  });

  it('echoes a glance of pasted words after the resource, never the whole of them', () => {
    const { message } = refusal(`rds cpu orders-db ${'orders '.repeat(800)}`);
    expect(message).toMatch(/^Unexpected `[a-z ]{40}…`\. Shortcuts take one/);
    expect(message.length).toBeLessThan(200);
  });

  it.each(['🔥', '🔥 CPUUtilization', 'ＡＷＳ/EC2 CPUUtilization', 'café Orders', '"a b"'])(
    '`/cw metrics %s`: no suggestion is ever built from junk',
    (text) => {
      const { message } = refusal(text);
      expect(message).toContain('is neither a shortcut');
      expect(message).not.toMatch(/e\.g\. `\/cw metrics [^`]*[^\x20-\x7e]/);
    },
  );

  it('refuses a metric name or dimension value that is not ASCII', () => {
    expect(refusal('MyApp 🔥').message).toContain('is not a metric name');
    expect(refusal('MyApp Orders Stage=🔥').message).toContain('dimension values are ASCII');
  });
});
