import { describe, expect, it } from 'vitest';
import { identifier, insightsQuery, windowValue } from '../../../../../handlers/cw/top/insights-query.ts';

// Quoting rules: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
describe('handlers/cw/top/insights-query', () => {
  it('writes the top-N query of the docs', () => {
    // Act
    const query = insightsQuery({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      groupBy: 'InstanceId',
      func: 'MAX',
      limit: 10,
    });

    // Assess
    expect(query).toBe(
      'SELECT MAX(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId ORDER BY MAX() DESC LIMIT 10',
    );
  });

  it.each([
    ['CPUUtilization', 'CPUUtilization'],
    ['_private', '_private'],
    ['Requests Per Second', '"Requests Per Second"'],
    ['api.latency', '"api.latency"'],
    ['5xxCount', '"5xxCount"'],
    ['Order', '"Order"'],
    ['count', '"count"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
  ])('writes the identifier %s as %s', (name, written) => {
    expect(identifier(name)).toBe(written);
  });

  it('quotes and escapes a namespace, metric and dimension that need it, the same in GROUP BY as in SCHEMA', () => {
    // Act
    const query = insightsQuery({
      namespace: 'My "App"',
      metricName: 'Orders Placed',
      groupBy: 'Stage.Name',
      func: 'SUM',
      limit: 3,
    });

    // Assess
    expect(query).toBe(
      'SELECT SUM("Orders Placed") FROM SCHEMA("My \\"App\\"", "Stage.Name") GROUP BY "Stage.Name" ORDER BY SUM() DESC LIMIT 3',
    );
  });

  it.each([
    ['MAX', 9],
    ['MIN', 1],
    ['SUM', 15],
    ['COUNT', 15],
    ['AVG', 5],
  ] as const)('%s over the window', (func, expected) => {
    expect(windowValue([1, 9, 5], func)).toBe(expected);
  });

  it('has no value for no datapoints', () => {
    expect(windowValue([], 'MAX')).toBeUndefined();
  });
});
