import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HelpRequested } from '../../../../../handlers/command-flags.ts';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { MAX_LIMIT, parseTopArgs, TOP_USAGE } from '../../../../../handlers/cw/top/parse-top.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { attempt, thrownBy } from '../../../../fixtures/outcome.ts';

const parse = (text: string) => parseTopArgs(tokenize(text));

/** The refusal's message; fails the test when the words were accepted or the error is another kind. */
function refusal(text: string): string {
  const error = thrownBy(() => parse(text));
  expect(error).toBeInstanceOf(UserInputError);
  expect((error as UserInputError).usage).toBe(TOP_USAGE);
  return (error as Error).message;
}

describe('handlers/cw/top/parse-top', () => {
  describe('good input', () => {
    it.each([
      [
        'ec2 cpu',
        { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimension: 'InstanceId', stat: 'Average', func: 'AVG' },
      ],
      [
        'rds connections --since 3h --limit 5',
        {
          namespace: 'AWS/RDS',
          metricName: 'DatabaseConnections',
          dimension: 'DBInstanceIdentifier',
          limit: 5,
          sinceSeconds: 10800,
          sinceText: '3h',
        },
      ],
      ['lambda errors', { namespace: 'AWS/Lambda', metricName: 'Errors', stat: 'Sum', func: 'SUM', limit: 10 }],
      [
        'AWS/ApplicationELB HTTPCode_Target_5XX_Count by LoadBalancer --stat Sum',
        { metricName: 'HTTPCode_Target_5XX_Count', dimension: 'LoadBalancer', stat: 'Sum', func: 'SUM' },
      ],
      // The namespace form defaults to the peak; a shortcut's namespace brings its dimension.
      ['AWS/EC2 CPUUtilization', { dimension: 'InstanceId', stat: 'Maximum', func: 'MAX', sinceSeconds: 3600 }],
      ['MyApp OrdersPlaced by Stage --stat samplecount', { dimension: 'Stage', stat: 'SampleCount', func: 'COUNT' }],
      // Names are case-sensitive: the catalog's spelling wins over a case slip.
      [
        'aws/ec2 cpuutilization by instanceid',
        { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimension: 'InstanceId' },
      ],
      ['rds cpu by DBClusterIdentifier --stat max', { dimension: 'DBClusterIdentifier', stat: 'Maximum', func: 'MAX' }],
      ['ec2 cpu --share', { share: true }],
    ])('%s', (text, expected) => {
      // Act
      const query = parse(text);

      // Assess
      expect(query).toMatchObject(expected);
    });

    it('ranks a percentile shortcut by Maximum and says why', () => {
      // Act
      const query = parse('lambda duration');

      // Assess
      expect(query).toMatchObject({ metricName: 'Duration', stat: 'Maximum', func: 'MAX' });
      expect(query.statNote).toContain('no percentiles');
    });
  });

  describe('refusals', () => {
    it.each([
      ['', 'Which metric?'],
      ['ec2 cpu --stat p99', 'no percentiles'],
      ['ec2 cpu --stat p99.9', 'no percentiles'],
      ['ec2 cpu --stat median', 'not a statistic'],
      ['ec2 cpu --since 15d', 'two weeks'],
      ['ec2 cpu --since 30s', 'at least 1m'],
      ['ec2 cpu --since soon', '--since'],
      ['ec2 cpu --limit 0', `1 to ${MAX_LIMIT}`],
      [`ec2 cpu --limit ${MAX_LIMIT + 1}`, `1 to ${MAX_LIMIT}`],
      ['ec2 cpu --limit ten', 'not a number'],
      ['ec2 cpu --limit 2.5', 'not a number'],
      ['rdss cpu', 'Did you mean `rds`?'],
      ['rds cpuu', 'Did you mean `cpu`?'],
      ['rds', 'Which rds metric?'],
      ['rds iops', '`/cw top rds read-iops` or `/cw top rds write-iops`'],
      ['alb 5xx', 'HTTPCode_ELB_5XX_Count'],
      ['rds cpu orders-db', 'takes no resource'],
      ['AWS/EC2 CPUUtilization InstanceId=i-0abc', 'ranks them all'],
      ['ASW/EC2 CPUUtilization', 'Did you mean `AWS/EC2`?'],
      ['MyApp OrdersPlaced', 'By which dimension?'],
      ['MyApp OrdersPlaced by', '`by` needs a dimension'],
      ['MyApp OrdersPlaced by Stage Region', 'one dimension'],
      ['MyApp OrdersPlaced extra', 'with `by`'],
      ['My<App OrdersPlaced by Stage', 'nor a CloudWatch namespace'],
      ['MyApp Orders\u00e9 by Stage', 'not a metric name'],
      ['MyApp OrdersPlaced by :Stage', 'not a dimension name'],
      ['ec2 cpu --color red', 'not a flag of `/cw top`'],
      ['ec2 cpu -- ', 'flag without its name'],
    ])('%s', (text, expected) => {
      // Act
      const message = refusal(text);

      // Assess
      expect(message).toContain(expected);
    });

    it('never echoes more than a glance of a long word', () => {
      // Prepare
      const long = 'x'.repeat(5000);

      // Act
      const message = refusal(`MyApp OrdersPlaced by Stage ${long}`);

      // Assess
      expect(message.length).toBeLessThan(400);
    });

    it('asks for help on --help, whatever else is typed', () => {
      expect(() => parse('ec2 cpu --stat p99 --help')).toThrow(HelpRequested);
    });
  });

  it('never crashes: any words are a query or a UserInputError with the usage', () => {
    const words = fc.oneof(
      fc.constantFrom('ec2', 'rds', 'lambda', 'alb', 'cpu', 'errors', 'iops', 'by', 'AWS/EC2', 'MyApp', 'Stage'),
      fc.constantFrom('--stat', '--since', '--limit', '--share', 'p99', 'Sum', '1h', '15d', '0', '21', '=', '"'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (tokens) => {
        const outcome = attempt(() => parseTopArgs(tokens));
        // A query within its bounds, a help request, or a refusal with the usage: nothing else.
        const query = outcome.ok ? outcome.value : undefined;
        const error = outcome.ok ? undefined : outcome.error;
        expect(
          query
            ? query.limit >= 1 &&
                query.limit <= MAX_LIMIT &&
                query.sinceSeconds <= 14 * 86400 &&
                ['AVG', 'MAX', 'MIN', 'SUM', 'COUNT'].includes(query.func)
            : error instanceof HelpRequested || (error instanceof UserInputError && error.usage === TOP_USAGE),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
