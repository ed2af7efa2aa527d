/**
 * One alarm-relay invocation in its own process, as a separate Lambda instance would run it: the real
 * DynamoDB store (against dynalite) and the real Slack poster (against the stand-in). It loads, says
 * `ready`, waits for a line on stdin so all processes start together, relays the event in
 * ALARM_TEST_EVENT and prints the result as one JSON line.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { relayAlarm } from '../../handlers/alarm-relay/relay.ts';
import { validateAlarmRouting } from '../../handlers/alarm-relay/routes.ts';
import { createDynamoAlarmStore } from '../../infra/aws/alarm-store.ts';
import { createSlackPoster } from '../../infra/slack/slack-poster.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const client = new DynamoDBClient({ endpoint: env('ALARM_TEST_DYNAMO_ENDPOINT'), region: 'us-east-1' });
const store = createDynamoAlarmStore(client, env('ALARM_TEST_TABLE'));
const poster = createSlackPoster({ token: 'xoxb-test', slackApiUrl: env('ALARM_TEST_SLACK_URL') });
const routing = validateAlarmRouting({ routes: [] }, 'test', 'C0DEFAULT01');
const event: unknown = JSON.parse(env('ALARM_TEST_EVENT'));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const deadlineMs = Date.now() + 20_000;
try {
  const result = await relayAlarm(
    {
      routing,
      store,
      poster,
      deadLetter: async () => undefined,
      logger: quiet,
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      deadlineMs,
    },
    event,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ outcome: 'failed', error: String(error) })}\n`);
}
client.destroy();
process.exit(0);
