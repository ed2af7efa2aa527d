import { describe, expect, it } from 'vitest';
import { decodeSlackText, tokenize } from '../../../handlers/command-text.ts';

describe('handlers/command-text', () => {
  it.each([
    ['metrics rds cpu orders-db', ['metrics', 'rds', 'cpu', 'orders-db']],
    ['  metrics   rds\tcpu  ', ['metrics', 'rds', 'cpu']],
    ['metrics MyApp Latency "Service=checkout api"', ['metrics', 'MyApp', 'Latency', 'Service=checkout api']],
    ["metrics MyApp Latency Service='a b'", ['metrics', 'MyApp', 'Latency', 'Service=a b']],
    ['metrics x —since 3h', ['metrics', 'x', '--since', '3h']],
    ['metrics x –stat p99', ['metrics', 'x', '--stat', 'p99']],
    ['metrics “MyApp” Latency', ['metrics', 'MyApp', 'Latency']],
    ['metrics a "unterminated b', ['metrics', 'a', 'unterminated b']],
    ['metrics a ""', ['metrics', 'a', '']],
    ['', []],
  ])('tokenizes %j', (text, expected) => {
    // Act
    const tokens = tokenize(text);

    // Assess
    expect(tokens).toEqual(expected);
  });

  it('undoes the HTML entities Slack puts in command text', () => {
    expect(decodeSlackText('a &lt; b &amp;&amp; c &gt; d')).toBe('a < b && c > d');
  });

  it('keeps a dash that is not a flag', () => {
    expect(tokenize('metrics MyApp Temp Sensor=—5')).toEqual(['metrics', 'MyApp', 'Temp', 'Sensor=—5']);
  });
});

describe('handlers/command-text: code formatting pasted from Slack', () => {
  it.each([
    ['metrics rds cpu `orders-db` --share', ['metrics', 'rds', 'cpu', 'orders-db', '--share']],
    ['metrics rds cpu `orders-db`,`users-db`', ['metrics', 'rds', 'cpu', 'orders-db,users-db']],
    [
      'metrics `AWS/EC2` `CPUUtilization` InstanceId=`i-0abc1234def567890`',
      ['metrics', 'AWS/EC2', 'CPUUtilization', 'InstanceId=i-0abc1234def567890'],
    ],
    ['metrics ``rds cpu orders-db``', ['metrics', 'rds', 'cpu', 'orders-db']],
    ['```metrics rds cpu orders-db```', ['metrics', 'rds', 'cpu', 'orders-db']],
    ['```\nalarms all prod-\n```', ['alarms', 'all', 'prod-']],
    ['alarms ` ` ok', ['alarms', 'ok']],
  ])('drops the backticks of %j', (text, expected) => {
    // Act
    const tokens = tokenize(text);

    // Assess
    expect(tokens).toEqual(expected);
  });

  it('keeps a backtick inside a word', () => {
    expect(tokenize('metrics MyApp a`b')).toEqual(['metrics', 'MyApp', 'a`b']);
  });
});
