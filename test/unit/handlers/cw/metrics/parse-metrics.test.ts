import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HelpRequested } from '../../../../../handlers/command-flags.ts';
import { tokenize } from '../../../../../handlers/command-text.ts';
import {
  MAX_SERIES,
  METRICS_USAGE,
  type MetricsQuery,
  parseMetricsArgs,
  SHORTCUT_USAGE,
} from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { attempt, type Outcome, thrownBy } from '../../../../fixtures/outcome.ts';

const parse = (text: string) => parseMetricsArgs(tokenize(text));

/** What is wrong with a parse: a query of no or too many series, or a refusal without a usage and an example. */
function parseProblems(outcome: Outcome<MetricsQuery>): string[] {
  if (outcome.ok) {
    const n = outcome.value.series.length;
    return n > 0 && n <= MAX_SERIES ? [] : [`${n} series`];
  }
  const { error } = outcome;
  // `-h`/`--help` anywhere is the one other answer: the command's help topic.
  if (error instanceof HelpRequested) return error.command === '/cw metrics' ? [] : [`help for ${error.command}`];
  if (!(error instanceof UserInputError)) return [`threw ${String(error)}`];
  return [
    ...(/Example: `\/cw metrics/.test(error.usage) ? [] : ['no example in the usage']),
    ...(error.message.length > 0 ? [] : ['no message']),
  ];
}

describe('handlers/cw/metrics/parse-metrics', () => {
  describe('good input', () => {
    it.each([
      [
        'AWS/EC2 CPUUtilization InstanceId=i-0abc --since 3h',
        {
          series: [
            {
              namespace: 'AWS/EC2',
              metricName: 'CPUUtilization',
              dimensions: [{ name: 'InstanceId', value: 'i-0abc' }],
              stat: 'Average',
            },
          ],
          sinceSeconds: 10800,
          sinceText: '3h',
          share: false,
          graph: false,
          args: 'AWS/EC2 CPUUtilization InstanceId=i-0abc --since 3h',
          argsWithoutRange: 'AWS/EC2 CPUUtilization InstanceId=i-0abc',
          redrawWords: ['AWS/EC2', 'CPUUtilization', 'InstanceId=i-0abc'],
        },
      ],
      [
        'AWS/Lambda Duration FunctionName=checkout-api --stat p99.9 --period 5m --since 1d --share',
        {
          series: [
            {
              namespace: 'AWS/Lambda',
              metricName: 'Duration',
              dimensions: [{ name: 'FunctionName', value: 'checkout-api' }],
              stat: 'p99.9',
            },
          ],
          sinceSeconds: 86400,
          sinceText: '1d',
          periodSeconds: 300,
          share: true,
          graph: false,
          args: 'AWS/Lambda Duration FunctionName=checkout-api --stat p99.9 --period 5m --since 1d --share',
          argsWithoutRange: 'AWS/Lambda Duration FunctionName=checkout-api --stat p99.9 --period 5m --share',
          // The statistic stays; the range, period and visibility are the range buttons' to set.
          redrawWords: ['AWS/Lambda', 'Duration', 'FunctionName=checkout-api', '--stat', 'p99.9'],
        },
      ],
      [
        'MyApp Orders',
        {
          series: [{ namespace: 'MyApp', metricName: 'Orders', dimensions: [], stat: 'Average' }],
          sinceSeconds: 10800,
          share: false,
          graph: false,
          args: 'MyApp Orders',
          argsWithoutRange: 'MyApp Orders',
          redrawWords: ['MyApp', 'Orders'],
        },
      ],
    ])('parses %j', (text, expected) => {
      expect(parse(text)).toEqual(expected);
    });

    it('expands a shortcut into its namespace, dimension and default statistic', () => {
      // Act
      const query = parse('rds connections orders-db --since 7d');

      // Assess
      expect(query.series).toEqual([
        {
          namespace: 'AWS/RDS',
          metricName: 'DatabaseConnections',
          dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
          stat: 'Average',
        },
      ]);
      expect(query.sinceSeconds).toBe(7 * 86400);
    });

    it('makes one series per metric and resource for multi-metric shortcuts', () => {
      // Act
      const query = parse('alb 5xx app/a/1,app/b/2');

      // Assess
      expect(query.series.map((s) => `${s.metricName} ${s.dimensions[0]?.value} ${s.stat}`)).toEqual([
        'HTTPCode_ELB_5XX_Count app/a/1 Sum',
        'HTTPCode_ELB_5XX_Count app/b/2 Sum',
        'HTTPCode_Target_5XX_Count app/a/1 Sum',
        'HTTPCode_Target_5XX_Count app/b/2 Sum',
      ]);
    });

    it('makes every combination of listed dimension values', () => {
      // Act
      const query = parse('MyApp Latency Service=a,b Stage=prod,dev');

      // Assess
      expect(query.series.map((s) => s.dimensions.map((d) => d.value).join('/'))).toEqual([
        'a/prod',
        'a/dev',
        'b/prod',
        'b/dev',
      ]);
    });

    it.each([
      ['--stat avg', 'Average'],
      ['--stat MAX', 'Maximum'],
      ['--stat count', 'SampleCount'],
      ['--stat=p50', 'p50'],
      ['--stat P95', 'p95'],
    ])('accepts %s as %s', (flag, stat) => {
      expect(parse(`lambda errors fn ${flag}`).series[0]?.stat).toBe(stat);
    });

    it('keeps the words as typed for the Graph button, quoting values with spaces', () => {
      const query = parse('MyApp Latency "Service=checkout api" --since 1h');
      expect(query.args).toBe('MyApp Latency "Service=checkout api" --since 1h');
      expect(parse(query.args).series).toEqual(query.series);
    });

    it('accepts flags before the metric and an autocorrected dash', () => {
      expect(parse('—since 1h rds cpu orders-db').sinceSeconds).toBe(3600);
    });
  });

  describe('natural typing', () => {
    it.each([
      ['rds cpu orders-db, users-db', ['orders-db', 'users-db']],
      ['rds cpu orders-db ,users-db', ['orders-db', 'users-db']],
      ['rds cpu orders-db , users-db', ['orders-db', 'users-db']],
      ['RDS cpu orders-db', ['orders-db']],
    ])('reads %j as one list of resources', (text, values) => {
      expect(parse(text).series.map((s) => s.dimensions[0]?.value)).toEqual(values);
    });

    it('reads dimension values listed with a space after the comma', () => {
      expect(parse('AWS/EC2 CPUUtilization InstanceId=i-1, i-2').series.map((s) => s.dimensions)).toEqual([
        [{ name: 'InstanceId', value: 'i-1' }],
        [{ name: 'InstanceId', value: 'i-2' }],
      ]);
    });

    it.each([
      'rds cpu orders-db --since 1h',
      'rds cpu orders-db -since 1h',
      'rds cpu orders-db --since=1h',
      'rds cpu orders-db -since=1h',
      'rds cpu orders-db \u2014since 1h',
      'rds cpu orders-db \u2013since 1h',
      'rds cpu orders-db \u2013-since 1h',
      'rds cpu orders-db --SINCE 1h',
      '-since 1h rds cpu orders-db',
    ])('reads the flag in %j', (text) => {
      expect(parse(text).sinceSeconds).toBe(3600);
    });

    it('passes a duration written in words to the duration parser whole', () => {
      // Prepare
      const query = parse('rds cpu orders-db --since 3 hours --share');

      // Assess
      expect(query.sinceSeconds).toBe(3 * 3600);
      expect(query.share).toBe(true);
      expect(query.series).toHaveLength(1);
    });

    it('hands a duration typed as two compact parts to the duration parser whole', () => {
      // Act: the duration parser decides whether it reads `2h 30m`; the flag parser must not split it.
      const outcome = (() => {
        try {
          return parse('rds cpu orders-db --since 2h 30m').series.length;
        } catch (error) {
          return (error as Error).message;
        }
      })();

      // Assess
      expect([1, '`2h 30m` is not a duration. Use 30m, 3h, 1d or 7d.']).toContain(outcome);
    });

    it('reads a period in words', () => {
      expect(parse('rds cpu orders-db --period 5 min').periodSeconds).toBe(300);
    });

    it('does not take a word after the duration that is not a unit', () => {
      expect(() => parse('rds cpu --since 3h orders-db')).not.toThrow();
      expect(parse('rds cpu --since 3h orders-db').series[0]?.dimensions[0]?.value).toBe('orders-db');
    });

    it.each([
      ['aws/ec2 CPUUtilization InstanceId=i-1', 'AWS/EC2', 'CPUUtilization'],
      ['AWS/EC2 cpuutilization InstanceId=i-1', 'AWS/EC2', 'CPUUtilization'],
      ['aws/lambda errors FunctionName=f', 'AWS/Lambda', 'Errors'],
      ['AWS/ECS CPUUtilization ClusterName=prod', 'AWS/ECS', 'CPUUtilization'],
      ['MyApp ordersPlaced Stage=prod', 'MyApp', 'ordersPlaced'],
    ])('reads %j as CloudWatch spells it (case only)', (text, namespace, metricName) => {
      expect(parse(text).series[0]).toMatchObject({ namespace, metricName });
    });

    it('runs a metric close to a known one as typed: real metrics sit one edit apart', () => {
      expect(parse('AWS/ApplicationELB HTTPCode_ELB_4XX_Count LoadBalancer=app/x/1').series[0]?.metricName).toBe(
        'HTTPCode_ELB_4XX_Count',
      );
      expect(parse('AWS/SQS ApproximateNumberOfMessagesNotVisible QueueName=q').series[0]?.metricName).toBe(
        'ApproximateNumberOfMessagesNotVisible',
      );
    });

    it('accepts --statistic as an alias of --stat', () => {
      expect(parse('rds cpu db --statistic max').series[0]?.stat).toBe('Maximum');
    });
  });

  describe('bad input', () => {
    it.each([
      ['', /Which metric/],
      ['ecs cpu my-cluster', /`ecs` is not a shortcut/],
      ['rds', /Which rds metric/],
      ['rds disk orders-db', /`disk` is not a rds shortcut metric/],
      ['rds cpu', /Which db-instance-id/],
      ['rds cpu a b', /Unexpected `b`/],
      ['AWS/EC2', /Which metric in `AWS\/EC2`/],
      ['AWS/EC2 CPUUtilization i-0abc', /`i-0abc` is not a dimension/],
      ['AWS/EC2 CPUUtilization InstanceId=', /is not a dimension/],
      ['AWS/EC2 CPUUtilization =i-0abc', /is not a dimension/],
      ['AWS/EC2 InstanceId=i-0abc', /looks like a dimension/],
      ['AWS/EC2 CPUUtilization InstanceId=a InstanceId=b', /given twice/],
      ['AWS/EC2 CPUUtilization InstanceId=a,,b', /empty value/],
      ['rds cpu db --since 3 parsecs', /`--since 3` needs a unit/],
      ['rds cpu db --since 3x', /`x` is not a unit/],
      ['rds cpu db --since 30s', /at least 1m/],
      ['rds cpu db --since 500d', /455 days/],
      ['rds cpu db --since', /needs a value/],
      ['rds cpu db --period 7m5s', /whole number of minutes/],
      ['rds cpu db --period 90s', /whole number of minutes/],
      ['rds cpu db --period 2d', /longest period/],
      ['rds cpu db --stat median', /not a statistic/],
      ['rds cpu db --stat p101', /not a statistic/],
      ['rds cpu db --graf', /`--graf` is not a flag of `\/cw metrics`. Did you mean `--graph`\?/],
      ['rds cpu db --limit 5', /`--limit` is not a flag of `\/cw metrics`. Its flags: `--since`/],
      ['rds cpu db --since 1h --since 2h', /`--since` is given twice/],
      ['rsd cpu orders-db', /`rsd` is not a shortcut. Did you mean `rds`\?/],
      ['rds cpuu orders-db', /`cpuu` is not a rds shortcut metric. Did you mean `cpu`\?/],
      ['rds constructor orders-db', /`constructor` is not a rds shortcut metric/],
      [
        'aws/ecs2 CPUUtilization ClusterName=prod',
        /`aws\/ecs2` is not a CloudWatch namespace: AWS publishes none by that name. Did you mean .*`AWS\/ECS`/,
      ],
      ['rds cpu db --graph=yes', /takes no value/],
      ['rds cpu db --share=yes', /takes no value/],
      [`rds cpu ${Array.from({ length: 21 }, (_, i) => `db${i}`).join(',')}`, /at most 20/],
      ['MyApp M A=1,2,3,4,5 B=1,2,3,4,5', /more than 20 series/],
    ])('rejects %j with a reason, one usage line and where to read more', (text, reason) => {
      // Act
      const act = () => parse(text);

      // Assess
      expect(act).toThrow(UserInputError);
      expect(act).toThrow(reason);
      const usage = (thrownBy(act) as UserInputError).usage.split('\n');
      expect(usage).toHaveLength(3);
      expect(usage[0]).toMatch(/^`\/cw metrics </);
      expect(usage[1]).toMatch(/^Example: `\/cw metrics /);
      expect(usage[2]).toBe('See `/cw help metrics` for every flag and shortcut.');
    });

    it('shows the shortcut line, not the full form, when a shortcut went wrong', () => {
      expect(() => parse('rds cpu')).toThrow(
        expect.objectContaining({ usage: expect.stringMatching(/^`\/cw metrics <shortcut> <metric> <resource>/) }),
      );
      expect(() => parse('AWS/EC2')).toThrow(expect.objectContaining({ usage: METRICS_USAGE }));
    });
  });

  describe('properties', () => {
    const word = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '--since',
        '--stat',
        '--period',
        '--share',
        'rds',
        'cpu',
        'AWS/EC2',
        'A=b',
        '=',
        ',',
        '3h',
        'p99',
      ),
    );

    it('never throws anything but UserInputError, and every rejection carries usage with an example', () => {
      fc.assert(
        fc.property(fc.array(word, { maxLength: 12 }), (tokens) => {
          expect(parseProblems(attempt(() => parseMetricsArgs(tokens)))).toEqual([]);
        }),
        { numRuns: 2000 },
      );
    });

    it('survives arbitrary command text end to end through the tokenizer', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
          expect(parseProblems(attempt(() => parse(text)))).toEqual([]);
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe('handlers/cw/metrics/parse-metrics: AWS namespaces in any case', () => {
  it.each([
    ['AWS/EC3 CPUUtilization InstanceId=i-0abc', 'AWS/EC2'],
    ['aws/ec3 CPUUtilization InstanceId=i-0abc', 'AWS/EC2'],
    ['AWS/Lamda Errors FunctionName=checkout-api', 'AWS/Lambda'],
    ['AWS/RSD CPUUtilization DBInstanceIdentifier=orders-db', 'AWS/RDS'],
    ['ASW/EC2 CPUUtilization InstanceId=i-0abc', 'AWS/EC2'],
    ['Aws/DynamoDb2 ThrottledRequests TableName=t', 'AWS/DynamoDB'],
    ['AWS/ApplicationELV RequestCount', 'AWS/ApplicationELB'],
  ])('refuses `%s` before any AWS call and suggests %s', (text, suggestion) => {
    // Act
    const error = catchError(() => parse(text));

    // Assess
    expect(error).toBeInstanceOf(UserInputError);
    expect(error?.message).toContain('is not a CloudWatch namespace: AWS publishes none by that name');
    expect(error?.message).toContain(`\`${suggestion}\``);
  });

  it.each([
    ['aws/ec2 CPUUtilization InstanceId=i-0abc', 'AWS/EC2'],
    ['AWS/dynamodb ThrottledRequests TableName=t', 'AWS/DynamoDB'],
    ['MyApp/EC3 Latency Service=x', 'MyApp/EC3'],
    ['AWS/SomethingNew Requests', 'AWS/SomethingNew'],
    ['AWS/ECS CPUUtilization ClusterName=prod', 'AWS/ECS'],
    ['AWS/EKS pod_cpu ClusterName=prod', 'AWS/EKS'],
  ])('runs `%s` as %s', (text, namespace) => {
    expect(parse(text).series[0]?.namespace).toBe(namespace);
  });
});

describe('handlers/cw/metrics/parse-metrics: the usage line of the form typed', () => {
  it.each([
    'rds cpu orders-db --since 456d',
    'rds cpu orders-db,,users-db',
    'rds cpu orders-db --graf',
    '--since 2h rds cpu orders-db --stat median',
    'ec2 cpu i-0abc --period 90s',
    'lambda errors checkout-api --since=soon',
    'RDS cpu orders-db --since 0m',
  ])('`%s` shows the shortcut usage', (text) => {
    // Act
    const error = catchError(() => parse(text));

    // Assess
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).usage).toBe(SHORTCUT_USAGE);
  });

  it.each([
    'AWS/EC2 CPUUtilization InstanceId=i-0abc --since 456d',
    'AWS/EC2 CPUUtilization InstanceId=i-0abc,,i-0abd',
    'AWS/EC2 CPUUtilization --graf',
    '--stat median AWS/RDS CPUUtilization',
  ])('`%s` shows the namespace usage', (text) => {
    // Act
    const error = catchError(() => parse(text));

    // Assess
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).usage).toBe(METRICS_USAGE);
  });
});

function catchError(run: () => unknown): Error | undefined {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
