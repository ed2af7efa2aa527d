import { describe, expect, it } from 'vitest';
import { readCommandRequest } from '../../../../handlers/command-request.ts';
import { planDbAdvice } from '../../../../handlers/dbadvice/plan.ts';
import { dbadviceCommand, dbadviceWords } from '../../../../handlers/dbadvice/subcommand.ts';
import { planCommand } from '../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../handlers/errors.ts';
import { REGISTRY } from '../../../../handlers/registry.ts';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { loadKnowledgeBase } from '../../../../knowledge/index.ts';
import { commandDeps } from '../../../fixtures/command-deps.ts';

const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

function refused(run: () => unknown): UserInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const planTyped = (text: string) => planCommand({ command: '/dbadvice', text }, commandDeps());

describe('/dbadvice flags', () => {
  it.each([
    ['fleet --since 1d', /`--since` is not a flag of `\/dbadvice`\. Its flags: `--share`, `--help`\./],
    ['list --shar', /`--shar` is not a flag of `\/dbadvice`\. Did you mean `--share`\?/],
    ['where should we keep sessions --sinse 1h', /`--sinse` is not a flag of `\/dbadvice`/],
    ['--verbose 세션은 어디에 저장하나요?', /`--verbose` is not a flag/],
    ['help —shre', /Did you mean `--share`\?/],
    ['list --share=yes', /`--share` takes no value/],
  ])('refuses `/dbadvice %s` with the closest flag and the usage line', (text, message) => {
    // Act
    const error = refused(() => planTyped(text));

    // Assess
    expect(error.message).toMatch(message);
    expect(error.usage).toContain('/dbadvice <question> [--share]');
  });

  it.each([
    ['--help', 'help'],
    ['-h', 'help'],
    ['fleet --help', 'help'],
    ['compare dynamodb aurora --help', 'help'],
    ['where should we keep sessions? -help', 'help'],
    ['list -h', 'help'],
    ['list -share', 'list'],
  ])('`/dbadvice %s` is the %s command', (text, command) => {
    expect(dbadviceCommand(dbadviceWords(text))).toBe(command);
    expect(readCommandRequest({ command: '/dbadvice', text }, REGISTRY).path).toEqual(['/dbadvice', command]);
  });

  it('keeps a quoted CLI option in a question, `-h` included', () => {
    // Act
    const { words, help, share } = dbadviceWords('how do I connect with psql -h and -p --share');

    // Assess
    expect(words).toEqual(['how', 'do', 'I', 'connect', 'with', 'psql', '-h', 'and', '-p']);
    expect(help).toBe(false);
    expect(share).toBe(true);
    expect(planTyped('how do I connect with psql -h and -p').kind).toBe('work');
  });

  it('drops backticks pasted around names', () => {
    expect(dbadviceWords('compare `dynamodb` `aurora`').words).toEqual(['compare', 'dynamodb', 'aurora']);
  });
});

describe('/dbadvice compare mistakes', () => {
  it.each([
    ['comapre dynamodb aurora', 'Did you mean `/dbadvice compare dynamodb aurora`?'],
    ['compar dynamodb vs aurora', 'Did you mean `/dbadvice compare dynamodb vs aurora`?'],
    ['comapre redis', 'Did you mean `/dbadvice compare redis`?'],
  ])('`%s` is suggested as a compare', (text, message) => {
    expect(refused(() => planDbAdvice(text, { kb })).message).toBe(message);
  });

  it.each([
    ['compare foo bar', /^I have no note on `foo` or `bar`\..* Known services: .*`dynamodb`/],
    ['compare flurb dynamodb', /^I have no note on `flurb`\./],
  ])('`%s` names what it has no note on, not off-topic', (text, message) => {
    expect(refused(() => planDbAdvice(text, { kb })).message).toMatch(message);
  });

  it('still answers a question that begins with a word like compare', () => {
    expect(planDbAdvice('compare prices across regions for our database', { kb }).kind).toBe('reply');
  });
});
