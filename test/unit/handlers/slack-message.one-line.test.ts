import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../handlers/error-message.ts';
import { UserInputError } from '../../../handlers/errors.ts';
import { oneLine, type SlackMessage, safeMessage, section } from '../../../handlers/slack-message.ts';

// Notifications and screen readers read the top-level `text` (docs.slack.dev/reference/methods/chat.postMessage,
// "text … used as a fallback … for notifications"): one line, what the message is about.
describe('handlers/slack-message: the top-level text on one line', () => {
  it('joins lines with a middle dot', () => {
    expect(oneLine('CPU orders-db: 53%\nCPU users-db: 22%\r\n\n  last')).toBe(
      'CPU orders-db: 53% · CPU users-db: 22% · last',
    );
    expect(oneLine('one line')).toBe('one line');
  });

  it('makes a message with blocks keep its blocks and a one-line text', () => {
    // Prepare
    const message: SlackMessage = { text: 'a\nb', blocks: [section('*a*')] };

    // Act
    const safe = safeMessage(message);

    // Assess
    expect(safe.text).toBe('a · b');
    expect(safe.blocks).toEqual(message.blocks);
  });

  it('shows a text-only message’s lines in a section, its text one line', () => {
    // Prepare
    const usage: SlackMessage = { text: '*Usage*\n`/cw top ec2 cpu`' };
    const long: SlackMessage = { text: `${'x'.repeat(7000)}\ny` };

    // Act
    const safe = safeMessage(usage);

    // Assess
    expect(safe.text).toBe('*Usage* · `/cw top ec2 cpu`');
    expect(safe.blocks).toEqual([section('*Usage*\n`/cw top ec2 cpu`')]);
    expect(safeMessage(long).blocks).toHaveLength(3);
  });

  it('gives bad input a fallback that says what was wrong, the usage only in the blocks', () => {
    // Act
    const message = errorMessage(
      new UserInputError('No service <!channel>.\nTry another.', '`/dbadvice compare <a> <b>`'),
      'r',
    );

    // Assess
    expect(message.text).toBe('No service &lt;!channel&gt;. · Try another.');
    expect(JSON.stringify(message.blocks)).toContain('/dbadvice compare &lt;a&gt; &lt;b&gt;');
  });
});
