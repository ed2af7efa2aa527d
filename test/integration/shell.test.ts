import { describe, expect, it } from 'vitest';
import { spawnShell } from '../fixtures/spawn-shell.ts';

/** Runs `npm start`'s entry point with piped input, on a home without AWS credentials. */
function runShell(input: string) {
  return spawnShell({
    input,
    env: {
      ...process.env,
      DATA_SOURCE: '',
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      HOME: '/nonexistent',
      NO_COLOR: '1',
    },
  });
}

describe('npm start (local shell)', () => {
  it('answers typed commands with the demo data source, rendered readably', async () => {
    // Act
    const { code, out } = await runShell(
      '/cw help\n/cw metrics rds cpu orders-db --since 3h\nmetrics ec2 cpu\n' +
        '/cw logs query /aws/lambda/checkout-* --since 3h filter @message like /ERROR/ | limit 2\n' +
        '/cw logs query /aws/lambda/checkout-api filter @message like /(/\n',
    );

    // Assess
    expect(code).toBe(0);
    expect(out).toContain('/cw: CloudWatch from Slack');
    expect(out).toContain('Demo data');
    expect(out).toContain('📈 CPUUtilization · AWS/RDS');
    expect(out).toMatch(/Latest \(\d\d:\d\d UTC\)\s+Average/);
    expect(out).toMatch(/[▁▂▃▄▅▆▇█]{10,}/);
    expect(out).toContain('Open in the CloudWatch console (https://us-east-1.console.aws.amazon.com/');
    expect(out).toContain('Which instance-id?');
    // A prefix is expanded to the groups that exist; a broken regex gets a message, not a crash.
    // The table comes under the statistics and the console link, as Slack shows an attachment.
    expect(out).toMatch(
      /\/aws\/lambda\/checkout-api · [^\n]*\n(?:[^\n]*\n){1,4}@timestamp UTC\s+@logStream\s+@message/,
    );
    // Lambda's own time and request id are the table's columns already: the line shows what happened.
    expect(out).toMatch(/\d\d:\d\d:\d\d\.\d{3}\s+…\S+\s+ERROR orders-db/);
    expect(out).toContain(
      'Logs Insights could not read the query at character 22 (/(/): /(/ is not a valid regular expression',
    );
    expect(out).not.toContain('\u001b[');
  }, 30_000);

  it('saves a --graph PNG on this machine and says where, since the terminal is the user’s own', async () => {
    // Act
    const { code, out } = await runShell('metrics lambda errors checkout-api --graph\n');

    // Assess
    expect(code).toBe(0);
    expect(out).toContain('Nothing was posted to Slack (this is the local shell)');
    expect(out).toMatch(/saved in \S*\.cw-chatops-files\/\S+-metric\.png/);
    expect(out).not.toContain('Graph posted to the channel');
  }, 30_000);

  it('previews an alarm notification: the message, its graph, then the resolution in its thread', async () => {
    // Act
    const { code, out } = await runShell('/alarm fire\n/alarm resolve\n/alarm\n');

    // Assess
    expect(code).toBe(0);
    expect(out).toContain('🔴 ALARM: orders-db-cpu-high');
    expect(out).toContain('CPUUtilization was 94.5%, 93.4%, 90.8%: greater than the threshold 80%');
    expect(out).toMatch(/graph for the thread saved on this machine: \S+\.png \(the shell posts nothing to Slack\)/);
    expect(out).toMatch(/message \d+\.\d+ in C0LOCAL01 updated/);
    expect(out).toContain('Resolved after 15 min');
    expect(out).toMatch(/posted to C0LOCAL01, in the thread of \d+\.\d+/);
    expect(out).toContain('Usage: /alarm fire | /alarm resolve');
  }, 30_000);
});
