import type { KnownBlock } from '@slack/types';
import { withAlarmNames } from '../alarms/reason-text.ts';
import { UserInputError } from '../errors.ts';
import { consoleBase } from '../metrics/console-link.ts';
import type { AlarmState, AlarmSummary, AlarmsPort } from '../ports.ts';
import { context, escapeMrkdwn, header, LIMITS, type SlackMessage, section, truncate } from '../slack-message.ts';

export const ALARMS_USAGE = [
  '`/cw alarms [alarm|ok|insufficient|all] [name-prefix]`',
  'Example: `/cw alarms` (alarms now in ALARM), `/cw alarms all prod-`, `/cw alarms ok checkout`',
].join('\n');

const STATES: Record<string, AlarmState | undefined> = {
  alarm: 'ALARM',
  ok: 'OK',
  insufficient: 'INSUFFICIENT_DATA',
  insufficient_data: 'INSUFFICIENT_DATA',
  all: undefined,
};

const MARKERS: Record<AlarmState, string> = {
  ALARM: ':red_circle: ALARM',
  INSUFFICIENT_DATA: ':white_circle: INSUFFICIENT_DATA',
  OK: ':large_green_circle: OK',
};

export interface AlarmListQuery {
  state: AlarmState | undefined;
  namePrefix: string | undefined;
}

/** `alarm` is the default: on call, the question is what is firing now. */
export function parseAlarmList(tokens: readonly string[]): AlarmListQuery {
  const [first, second, ...extra] = tokens;
  // CloudWatch alarm names are at most 255 characters; a longer prefix can match nothing.
  if (tokens.some((t) => t.length > 255))
    throw new UserInputError('An alarm name prefix is at most 255 characters.', ALARMS_USAGE);
  if (extra.length > 0) throw new UserInputError(`Unexpected \`${extra.join(' ')}\`.`, ALARMS_USAGE);
  if (first === undefined) return { state: 'ALARM', namePrefix: undefined };
  const key = first.toLowerCase();
  if (key in STATES) return { state: STATES[key], namePrefix: second };
  if (second !== undefined) {
    throw new UserInputError(`\`${first}\` is not a state. Use alarm, ok, insufficient or all.`, ALARMS_USAGE);
  }
  // A single word that is not a state is a name prefix, still among alarms in ALARM.
  return { state: 'ALARM', namePrefix: first };
}

function ago(date: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
}

export function alarmConsoleUrl(region: string, name: string): string {
  return `${consoleBase(region)}/cloudwatch/deeplink.js?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;
}

/** Lines per section, so a section stays under 3,000 characters. */
const PER_SECTION = 3;
const SHOWN = 60;

/** `/cw alarms`: DescribeAlarms (metric and composite), grouped by state. */
export async function listAlarms(
  deps: { alarms: AlarmsPort; region: string; now: () => Date },
  query: AlarmListQuery,
  signal?: AbortSignal,
): Promise<SlackMessage> {
  const alarms = await deps.alarms.describeAlarms(
    { ...(query.state ? { state: query.state } : {}), ...(query.namePrefix ? { namePrefix: query.namePrefix } : {}) },
    signal ? { signal } : {},
  );
  const what = `${query.state ?? 'any state'}${query.namePrefix ? `, names starting ${query.namePrefix}` : ''}`;
  if (alarms.length === 0) {
    const text =
      query.state === 'ALARM'
        ? `:white_check_mark: No alarms in ALARM${query.namePrefix ? ` starting \`${escapeMrkdwn(query.namePrefix)}\`` : ''} in ${deps.region}.`
        : `No alarms (${escapeMrkdwn(what)}) in ${deps.region}.`;
    return { response_type: 'ephemeral', text };
  }
  const now = deps.now();
  const order: AlarmState[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];
  const blocks: KnownBlock[] = [header(`CloudWatch alarms · ${what}`)];
  let shown = 0;
  for (const state of order) {
    const group = alarms.filter((a) => a.state === state).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    if (group.length === 0 || shown >= SHOWN) continue;
    const take = group.slice(0, SHOWN - shown);
    shown += take.length;
    blocks.push(section(`*${MARKERS[state]}* (${group.length})`));
    for (let i = 0; i < take.length; i += PER_SECTION) {
      blocks.push(
        section(
          take
            .slice(i, i + PER_SECTION)
            .map((a) => alarmLine(a, deps.region, now))
            .join('\n'),
        ),
      );
    }
  }
  const footer = [`${alarms.length} alarm${alarms.length === 1 ? '' : 's'} in ${deps.region}`];
  if (shown < alarms.length) footer.push(`showing ${shown}; narrow with a name prefix`);
  blocks.push(context(footer.join(' · ')));
  return {
    response_type: 'ephemeral',
    text: truncate(alarms.map((a) => `${a.state} ${a.name}`).join('\n'), LIMITS.fallbackText),
    blocks,
  };
}

function alarmLine(alarm: AlarmSummary, region: string, now: Date): string {
  // A composite's reason names its child by ARN; the name is what people recognise.
  const reason = withAlarmNames(alarm.reason.split('\n')[0] ?? '');
  const kind = alarm.kind === 'composite' ? ' _(composite)_' : '';
  return `• <${alarmConsoleUrl(region, alarm.name)}|${escapeMrkdwn(truncate(alarm.name, 120))}>${kind} · ${ago(alarm.updatedAt, now)}\n   ${escapeMrkdwn(truncate(reason, 250))}`;
}
