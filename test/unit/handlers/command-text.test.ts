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
