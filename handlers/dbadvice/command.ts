import { type CommandRequest, type CommandSpec, defineCommand } from '../command.ts';
import { SHARE_HELP_NOTE } from '../cw/help/help.ts';
import { UserInputError } from '../errors.ts';
import { context as contextBlock, escapeMrkdwn, type SlackMessage } from '../slack-message.ts';
import { workingMessage } from '../working-message.ts';
import { assertDbadviceFlags, DBADVICE_SUBCOMMAND_USAGE, dbadviceTypo } from './subcommand.ts';

function withShareHelpNote(message: SlackMessage): SlackMessage {
  return {
    ...message,
    response_type: 'ephemeral',
    blocks: [...(message.blocks ?? []), contextBlock(escapeMrkdwn(SHARE_HELP_NOTE))],
  };
}

/**
 * `/dbadvice` loads its knowledge base (the largest part of the bundle) on first use, so `/cw` cold
 * starts never pay for it. Answers still come in the ack: loading takes milliseconds.
 */
function planQuestion(request: CommandRequest) {
  assertDbadviceFlags(request.flags);
  const help = request.spec?.path[1] === 'help';
  const typo = dbadviceTypo({ words: request.words, help });
  if (typo) throw new UserInputError(`Did you mean \`/dbadvice ${typo}\`?`, DBADVICE_SUBCOMMAND_USAGE);
  // Help is private here as on /cw: `--share` beside it is said to be ignored, and the ack stays private too.
  return {
    kind: 'work' as const,
    mayAnswerInAck: true as const,
    working: workingMessage(request.share && !help, 'Thinking…'),
    run: async () => {
      const { planDbAdvice } = await import('./plan.ts');
      const { message } = planDbAdvice({ words: request.words, flags: request.flags, share: request.share, help });
      return help && request.share ? withShareHelpNote(message) : message;
    },
  };
}

const common = {
  usage: DBADVICE_SUBCOMMAND_USAGE,
  needs: [],
  ack: { needs: [] },
  plan: planQuestion,
} satisfies Partial<CommandSpec<never, never>>;

/** `/dbadvice <question>`: which AWS database for a workload, from the team's notes. */
export const questionCommand = defineCommand({
  ...common,
  path: ['/dbadvice'],
  summary: 'which AWS database for a workload, answered from the notes (English or Korean)',
  examples: [
    '/dbadvice where should we keep user sessions?',
    '/dbadvice 주문과 결제 데이터, 트랜잭션과 무결성이 중요해요',
  ],
});

/** `/dbadvice compare <service> <service>`: two services side by side. */
export const compareCommand = defineCommand({
  ...common,
  path: ['/dbadvice', 'compare'],
  aliases: { compare: ['비교'] },
  summary: 'two services side by side',
  examples: ['/dbadvice compare dynamodb aurora'],
});

/** `/dbadvice list`: every service the notes cover. */
export const listCommand = defineCommand({
  ...common,
  path: ['/dbadvice', 'list'],
  aliases: { list: ['목록'] },
  alone: true,
  summary: 'every service the notes cover',
  examples: ['/dbadvice list'],
});

/** `/dbadvice help`: examples in English and Korean. */
export const dbadviceHelpCommand = defineCommand({
  ...common,
  path: ['/dbadvice', 'help'],
  aliases: { help: ['도움말'] },
  alone: true,
  summary: 'examples in English and Korean',
  examples: ['/dbadvice help'],
});
