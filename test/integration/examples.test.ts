import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../handlers/registry.ts';
import { loadConfig } from '../../infra/config.ts';
import { PLAIN, type Style } from '../../infra/local/render-terminal.ts';
import { createShell, type Shell } from '../../infra/local/shell.ts';
import { isCommandName, markdownExamples, readmeExamples } from '../fixtures/doc-examples.ts';

/** What the shell prints when a command did not give a real answer. */
const NOT_AN_ANSWER: [RegExp, string][] = [
  // A message that opens with one of these is an error, a refusal or "I won't guess".
  [/(^|── later, through response_url ──)\s*(⚠️|❌|⛔|🔒|⌛|🤔)/u, 'an error or a refusal'],
  [/Something went wrong/i, 'the generic error'],
  [/\bUsage\b/, 'a usage message'],
  [/did you mean/i, 'a suggestion'],
  [/No datapoints|no data in the last/i, 'a metric without data'],
  [/No log events matched/i, 'a query without rows'],
  [/does not support/i, 'something the demo cannot do'],
  [/No command \S+ here|The bot answered HTTP/, 'a command the bot does not know'],
  [/\[(error|warn)\]/, 'a logged error'],
];

/** Keeps code spans as backticks, so the examples a help message shows can be read back from the screen. */
const SPANS: Style = { ...PLAIN, code: (text) => `\`${text}\`` };

async function shellOnDemo(): Promise<{ shell: Shell; screen: () => string; clear: () => void }> {
  let out = '';
  const shell = await createShell(loadConfig({ DATA_SOURCE: 'demo' }), (text) => (out += `${text}\n`), SPANS);
  return { shell, screen: () => out, clear: () => (out = '') };
}

function whyNotAnAnswer(screen: string): string | undefined {
  if (!screen.trim()) return 'nothing printed';
  return NOT_AN_ANSWER.find(([pattern]) => pattern.test(screen))?.[1];
}

describe('docs: every example gives a real answer on the demo', () => {
  it('reads the registry, the README and both help messages for examples', async () => {
    // Prepare
    const { shell, screen, clear } = await shellOnDemo();
    // The registry's examples run even when they are only a command's name (`/cw alarms`).
    const examples = [
      ...REGISTRY.commands.flatMap((c) => c.examples),
      ...readmeExamples().filter((example) => !isCommandName(example)),
    ];
    for (const help of ['/cw help', '/dbadvice help']) {
      clear();
      await shell.run(help);
      examples.push(...markdownExamples(screen()));
    }
    const unique = [...new Set(examples)];
    expect(unique.length).toBeGreaterThan(30);

    // Act
    const failures: string[] = [];
    for (const example of unique) {
      clear();
      await shell.run(example);
      const why = whyNotAnAnswer(screen());
      if (why) failures.push(`${example}\n  → ${why}:\n${screen().split('\n').slice(0, 8).join('\n')}`);
    }
    await shell.close();

    // Assess
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 120_000);
});

describe('test/fixtures/doc-examples', () => {
  it('takes commands from code blocks and inline code, not grammar lines or command names', () => {
    // Act
    const found = markdownExamples(
      [
        'Run `/cw metrics rds cpu orders-db` or `/cw logs query` in a sentence; `npm start` is not one.',
        '```',
        '/cw metrics <Namespace> <MetricName> [Dim=Value ...]',
        '> /cw alarms all orders-',
        '/dbadvice 세션 저장소',
        '```',
      ].join('\n'),
    ).filter((example) => !isCommandName(example));

    // Assess
    expect(found).toEqual(['/cw metrics rds cpu orders-db', '/cw alarms all orders-', '/dbadvice 세션 저장소']);
  });
});
