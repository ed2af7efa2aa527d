import {
  DataSourceAccessError,
  DataSourceBusyError,
  DataSourceCredentialsError,
  DataSourceUnreachableError,
  isExposed,
  NotAllowedError,
  UserInputError,
} from './errors.ts';
import { ephemeral, escapeMrkdwn, oneLine, type SlackMessage, section } from './slack-message.ts';

/**
 * What the user sees when a command fails. Only errors marked `expose` are shown as they are;
 * anything else is one plain sentence with a reference to find the detail in the logs.
 */
export function errorMessage(error: Error, reference: string): SlackMessage {
  if (error instanceof UserInputError) {
    const text = `:warning: ${escapeMrkdwn(error.message)}`;
    // Usage shows placeholders like <Namespace>: Slack would read those as links unless escaped.
    // The message may echo what was typed (`<!channel>` included): escaped in the fallback text too.
    // The fallback is what went wrong, on one line; the usage is in the blocks.
    return ephemeral(oneLine(escapeMrkdwn(error.message)), [
      section(text),
      section(`*Usage*\n${escapeMrkdwn(error.usage)}`),
    ]);
  }
  if (error instanceof DataSourceBusyError) {
    return ephemeral(`:hourglass: ${error.message} Try again in a minute.`);
  }
  if (error instanceof NotAllowedError) {
    return ephemeral(`:no_entry: ${escapeMrkdwn(error.message)}`);
  }
  if (error instanceof DataSourceAccessError) {
    return ephemeral(`:lock: ${error.message}`);
  }
  // Nothing was asked of AWS yet: the reason and what to check, instead of "something went wrong".
  if (error instanceof DataSourceUnreachableError) {
    return ephemeral(`:electric_plug: ${escapeMrkdwn(error.message)}`);
  }
  if (error instanceof DataSourceCredentialsError) {
    return ephemeral(`:key: ${escapeMrkdwn(error.message)}`);
  }
  if (isExposed(error)) return ephemeral(`:warning: ${escapeMrkdwn(error.message)}`);
  return ephemeral(
    `:x: Something went wrong on my side and I could not answer. Try again; if it keeps failing, ask the bot's owners about reference \`${reference}\`.`,
  );
}
