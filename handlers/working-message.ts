import type { SlackMessage } from './slack-message.ts';

/**
 * The "working on it" ack of every worker command. It has the visibility the answer will have:
 * the answer replaces it through `response_url`, and an `in_channel` ack is what shows the channel
 * who asked (Slack echoes the command with it), so shared work is visible from the first second.
 */
export function workingMessage(share: boolean, text: string): SlackMessage {
  return { response_type: share ? 'in_channel' : 'ephemeral', text: `:hourglass_flowing_sand: ${text}` };
}
