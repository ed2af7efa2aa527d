import type { SlackMessage } from '../../slack-message.ts';

/** `--share`: the answer goes to the channel, as on every command. */
export function shared(share: boolean | undefined, message: SlackMessage): SlackMessage {
  return share ? { ...message, response_type: 'in_channel' } : message;
}
