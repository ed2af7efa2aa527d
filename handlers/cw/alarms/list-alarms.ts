import type { KnownBlock } from '@slack/types';
import { alarmConsoleUrl, stateLabel } from '../../alarm-display.ts';
import { readableReason } from '../../alarm-relay/reason.ts';
import { withAlarmNames } from '../../alarm-relay/reason-text.ts';
import { type FlagGrammar, parseFlags, SHARE_FLAG } from '../../command-flags.ts';
import { echo } from '../../command-text.ts';
import { UserInputError } from '../../errors.ts';
import { inlineElements } from '../../hangul-rich-text.ts';
import type { AlarmState, AlarmSummary, AlarmsPort } from '../../ports.ts';
import { type Account, nameAccountId, SCOPE_FLAGS, scopeText, type TypedScope, typedScope } from '../../scope.ts';
import {
  context,
  escapeText,
  header,
  inlineCode,
  LIMITS,
  type SlackMessage,
  section,
  truncate,
} from '../../slack-message.ts';
import { fitTable, withTable } from '../../slack-table.ts';
import { closestWords } from '../../suggest-word.ts';
import { unitOf } from '../metrics/catalog.ts';

export const ALARMS_USAGE = [
  '`/cw alarms [alarm|ok|insufficient|all] [name-prefix] [--region eu-west-1] [--account prod] [--share]`',
  'Example: `/cw alarms` (what is in ALARM now), `/cw alarms all orders-`, `/cw alarms ok checkout --share`',
  'See `/cw help alarms` for the state words.',
].join('\n');

export const ALARMS_FLAGS: FlagGrammar = {
  command: '/cw alarms',
  usage: ALARMS_USAGE,
  flags: [SHARE_FLAG, ...SCOPE_FLAGS],
};

/** Words people use for a state; `all` (any state) maps to `undefined`. */
const STATES = new Map<string, AlarmState | undefined>([
  ['alarm', 'ALARM'],
  ['alarms', 'ALARM'],
  ['alarming', 'ALARM'],
  ['firing', 'ALARM'],
  ['fired', 'ALARM'],
  ['in_alarm', 'ALARM'],
  ['ok', 'OK'],
  ['oks', 'OK'],
  ['okay', 'OK'],
  ['resolved', 'OK'],
  ['insufficient', 'INSUFFICIENT_DATA'],
  ['insufficient_data', 'INSUFFICIENT_DATA'],
  ['insufficient-data', 'INSUFFICIENT_DATA'],
  ['no-data', 'INSUFFICIENT_DATA'],
  ['nodata', 'INSUFFICIENT_DATA'],
  ['all', undefined],
  ['any', undefined],
  ['every', undefined],
]);

export interface AlarmListQuery {
  state: AlarmState | undefined;
  namePrefix: string | undefined;
  /** Post the list in the channel (`--share`). */
  share?: boolean;
  /** `--region` and `--account` as typed; the plan decides the scope (handlers/scope.ts). */
  scope?: TypedScope;
  /**
   * Once the plan decided: the linked account whose metrics the alarms watch (alarms live in the
   * monitoring account).
   */
  account?: Account;
}

function fail(message: string): never {
  throw new UserInputError(message, ALARMS_USAGE);
}

/**
 * The words after `/cw alarms`: at most one state word (`firing`, `ok`, `all` …, in either place)
 * and one name prefix, with the shared flags. `alarm` is the default: on call, the question is what
 * is firing now. A state word is never read as a prefix, so `firing` cannot answer "no alarms".
 */
export function parseAlarmList(tokens: readonly string[]): AlarmListQuery {
  const flags = parseFlags(tokens, ALARMS_FLAGS);
  const words = [...flags.positional];
  // `insufficient data`, as people say it.
  const data = words.findIndex((w, i) => w.toLowerCase() === 'data' && words[i - 1]?.toLowerCase() === 'insufficient');
  if (data > 0) words.splice(data, 1);
  // CloudWatch alarm names are at most 255 characters; a longer prefix can match nothing.
  if (words.some((t) => t.length > 255)) fail('An alarm name prefix is at most 255 characters.');
  const stateWords = words.filter((w) => STATES.has(w.toLowerCase()));
  const prefixes = words.filter((w) => !STATES.has(w.toLowerCase()));
  if (stateWords.length > 1)
    fail(`${inlineCode(stateWords.join(' '))}: pick one state (alarm, ok, insufficient or all).`);
  if (prefixes.length > 1) {
    fail(
      `Unexpected ${inlineCode(echo(prefixes.slice(1).join(' ')))}: give one name prefix (alarm names have no spaces to split on here).`,
    );
  }
  const [stateWord] = stateWords;
  const state = stateWord === undefined ? 'ALARM' : STATES.get(stateWord.toLowerCase());
  return {
    state,
    namePrefix: namePrefixOf(prefixes[0]),
    share: flags.set.has('share'),
    ...typedScope(flags.values),
  };
}

/**
 * `checkout*` is how people write "starting checkout": a trailing star is the prefix match this already is. A
 * wildcard elsewhere cannot be asked of DescribeAlarms (AlarmNamePrefix only), so it is refused with the form
 * that works.
 */
function namePrefixOf(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const prefix = word.replace(/\*+$/, '');
  if (/[*?]/.test(prefix)) {
    const head = prefix.split(/[*?]/)[0] ?? '';
    fail(
      `Alarm names match by the start only, with no wildcards inside (${inlineCode(echo(word))}).` +
        (head ? ` e.g. ${inlineCode(`/cw alarms all ${head}`)}` : ''),
    );
  }
  return prefix === '' ? undefined : prefix;
}

/** The state words, for "did you mean" when a prefix that matches nothing looks like one. */
export const STATE_WORDS: readonly string[] = ['alarm', 'firing', 'ok', 'insufficient', 'all'];

function ago(date: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
}

/** Lines per section, so a section stays under 3,000 characters. */
const PER_SECTION = 3;
const SHOWN = 60;

/** `/cw alarms`: DescribeAlarms (metric and composite), grouped by state. */
export async function listAlarms(
  deps: AlarmDeps & { now: () => Date },
  query: AlarmListQuery,
  signal?: AbortSignal,
): Promise<SlackMessage> {
  const account = query.account ? { accountId: query.account.id } : {};
  const alarms = await deps.alarms.describeAlarms(
    {
      ...(query.state ? { state: query.state } : {}),
      ...(query.namePrefix ? { namePrefix: query.namePrefix } : {}),
      ...account,
    },
    signal ? { signal } : {},
  );
  const place = escapeText(scopeText({ region: deps.region, ...(query.account ? { account: query.account } : {}) }));
  const what = `${query.state ?? 'any state'}${query.namePrefix ? `, names starting ${query.namePrefix}` : ''}`;
  const visibility = query.share ? 'in_channel' : 'ephemeral';
  if (alarms.length === 0) {
    const text = query.namePrefix
      ? await noMatch(deps, query, query.namePrefix, signal)
      : query.state === 'ALARM'
        ? `:white_check_mark: No alarms in ALARM in ${place}.`
        : `No alarms in ${query.state ?? 'any state'} in ${place}.`;
    return { response_type: visibility, text };
  }
  const now = deps.now();
  const order: AlarmState[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];
  const footer = [`${alarms.length} alarm${alarms.length === 1 ? '' : 's'} in ${place}`];
  const text = truncate(alarms.map((a) => `${a.state} ${escapeText(a.name)}`).join(', '), LIMITS.fallbackText);
  const sorted = order.flatMap((state) =>
    alarms.filter((a) => a.state === state).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()),
  );
  const table = alarmTable(sorted.slice(0, SHOWN), deps, now, query.account === undefined);
  if (table) {
    const counts = order
      .map((state) => [state, alarms.filter((a) => a.state === state).length] as const)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `*${stateLabel(state)}* (${n})`);
    if (table.shown < alarms.length) footer.push(`showing ${table.shown}; narrow with a name prefix`);
    const blocks: KnownBlock[] = [
      header(`CloudWatch alarms · ${what}`),
      section(counts.join('  ')),
      context(footer.join(' · ')),
    ];
    return withTable({ response_type: visibility, text, blocks }, table.block);
  }
  const blocks: KnownBlock[] = [header(`CloudWatch alarms · ${what}`)];
  let shown = 0;
  for (const state of order) {
    const group = alarms.filter((a) => a.state === state).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    if (group.length === 0 || shown >= SHOWN) continue;
    const take = group.slice(0, SHOWN - shown);
    shown += take.length;
    blocks.push(section(`*${stateLabel(state)}* (${group.length})`));
    for (let i = 0; i < take.length; i += PER_SECTION) {
      blocks.push(
        section(
          take
            .slice(i, i + PER_SECTION)
            .map((a) => alarmLine(a, deps, now, query.account === undefined))
            .join('\n'),
        ),
      );
    }
  }
  if (shown < alarms.length) footer.push(`showing ${shown}; narrow with a name prefix`);
  blocks.push(context(footer.join(' · ')));
  return { response_type: visibility, text, blocks };
}

/** Unicode for the state markers: a `raw_text` cell shows text as typed, so an emoji's colon name would stay a word. */
const STATE_EMOJI: Record<AlarmState, string> = { ALARM: '🔴', OK: '🟢', INSUFFICIENT_DATA: '⚪' };

/** The alarms as one table block (state, name linked to the console, when, reason), when all of them fit one. */
function alarmTable(alarms: AlarmSummary[], deps: AlarmDeps, now: Date, nameAccount: boolean) {
  const { region } = deps;
  // An Account column when some alarm watches a linked account's metrics and the list is of all of them.
  const accounts = nameAccount && alarms.some((a) => a.accountId);
  const fit = fitTable({
    columns: [
      { label: 'State' },
      { label: 'Alarm' },
      ...(accounts ? [{ label: 'Account' }] : []),
      { label: 'Changed' },
      { label: 'Reason', wrap: true },
    ],
    rows: alarms.map((a) => [
      `${STATE_EMOJI[a.state]} ${a.state}`,
      {
        text: `${a.name}${a.kind === 'composite' ? ' (composite)' : ''}`,
        url: alarmConsoleUrl({ region, alarmName: a.name }),
      },
      ...(accounts ? [a.accountId ? nameAccountId(a.accountId, deps.accounts ?? []) : ''] : []),
      ago(a.updatedAt, now),
      // The reason keeps its bold numbers: its mrkdwn as rich text.
      { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: inlineElements(alarmReason(a)) }] },
    ]),
  });
  // A table that would show fewer alarms than the text does is not worth it: the text it is.
  return fit.kind === 'table' && fit.shown === alarms.length ? fit : undefined;
}

/**
 * A prefix that matched nothing is not an all-clear: say so, and how many alarms are in that
 * state in all, so nobody on call reads "no match" as "nothing is firing".
 */
async function noMatch(
  deps: AlarmDeps,
  query: AlarmListQuery,
  prefix: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const { state } = query;
  const all = await deps.alarms.describeAlarms(
    { ...(state ? { state } : {}), ...(query.account ? { accountId: query.account.id } : {}) },
    signal ? { signal } : {},
  );
  const where = state ? `in ${state}` : 'in any state';
  const place = escapeText(scopeText({ region: deps.region, ...(query.account ? { account: query.account } : {}) }));
  const count = state
    ? `${all.length} alarm${all.length === 1 ? ' is' : 's are'} ${where} in ${place}`
    : `${place} has ${all.length} alarm${all.length === 1 ? '' : 's'} in all`;
  const list = all.length === 0 ? '' : ` (${inlineCode(listCommand(state))} lists them)`;
  const [stateTypo] = closestWords(prefix, STATE_WORDS);
  const hint = stateTypo ? ` Did you mean the state ${inlineCode(stateTypo)}?` : '';
  return `:mag: No alarm ${where} has a name starting ${inlineCode(prefix)}. ${count}${list}.${hint}`;
}

function listCommand(state: AlarmState | undefined): string {
  if (state === 'ALARM') return '/cw alarms';
  return `/cw alarms ${state === undefined ? 'all' : state === 'OK' ? 'ok' : 'insufficient'}`;
}

/**
 * The reason as the relay shows it: plain words with the metric's unit ("91.2%", "2.0 GiB"), read by
 * the same reader; CloudWatch's sentence (its first line, child alarms by name) only when it is not
 * one we can read.
 */
export function alarmReason(alarm: AlarmSummary): string {
  const { metric } = alarm;
  const readable =
    alarm.kind === 'metric'
      ? readableReason({
          state: alarm.state,
          reason: alarm.reason,
          // A math alarm has no one metric to name, nor a unit.
          measured: metric ? `*${escapeText(metric.metricName)}*` : 'The value',
          unit: metric ? summaryUnit(metric) : undefined,
        })
      : undefined;
  if (readable !== undefined) return readable.replace(/\n/g, ' ');
  // A composite's reason names its child by ARN; the name is what people recognise.
  return escapeText(truncate(withAlarmNames(alarm.reason.split('\n')[0] ?? ''), 250));
}

/** The alarm's own unit, else the one CloudWatch publishes the metric in; a SampleCount counts datapoints. */
function summaryUnit(metric: NonNullable<AlarmSummary['metric']>): string | undefined {
  if (metric.statistic === 'SampleCount') return 'Count';
  if (metric.unit && metric.unit !== 'None') return metric.unit;
  return unitOf(metric.namespace, metric.metricName);
}

interface AlarmDeps {
  alarms: AlarmsPort;
  region: string;
  /** `ACCOUNTS`: names the linked account an alarm watches by its alias. */
  accounts?: readonly Account[];
}

/**
 * One alarm: its link (alarms live in the account the bot runs in) and, when it watches a linked
 * account's metrics and the list is not already of that account, which account.
 */
function alarmLine(alarm: AlarmSummary, deps: AlarmDeps, now: Date, nameAccount: boolean): string {
  const kind = alarm.kind === 'composite' ? ' _(composite)_' : '';
  const account =
    nameAccount && alarm.accountId ? ` · _${escapeText(nameAccountId(alarm.accountId, deps.accounts ?? []))}_` : '';
  return `• <${alarmConsoleUrl({ region: deps.region, alarmName: alarm.name })}|${escapeText(truncate(alarm.name, 120))}>${kind}${account} · ${ago(alarm.updatedAt, now)}\n   ${alarmReason(alarm)}`;
}
