import type { KnownBlock } from '@slack/types';
import { alarmConsoleUrl, STATE_MARKER, stateMarker } from '../alarm-display.ts';
import {
  context,
  escapeText,
  fieldsSection,
  header,
  inlineCode,
  LIMITS,
  md,
  type SlackMessage,
  safeMessage,
  section,
  truncate,
  trusted,
} from '../slack-message.ts';
import type { AlarmChange, AlarmStateValue } from './alarm-change.ts';
import { alarmActions } from './buttons.ts';
import { cloudWatchSentence, dimensionsText, metricTitle, plainReason } from './reason.ts';
import type { RouteDecision } from './routes.ts';

/** Slack shows `<!date…>` in each reader's time zone; the text after `|` is the fallback. */
export function slackTime(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  const utc = `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} {time_secs}|${utc}>`;
}

/** `14 min`, `2 h 5 min`, `3 d 4 h`: how long an alarm lasted, to the minute. */
export function humanDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

function metricFields(change: AlarmChange): string[] {
  if (change.kind === 'composite') {
    return change.actionsSuppressor ? [`*Suppressor*\n${escapeText(change.actionsSuppressor)}`] : [];
  }
  const fields: string[] = [];
  for (const metric of change.metrics.slice(0, 3)) {
    if (metric.metricStat) {
      fields.push(`*${escapeText(metricTitle(metric.metricStat))}*\n${escapeText(dimensionsText(metric.metricStat))}`);
    } else if (metric.expression) {
      fields.push(`*${escapeText(metric.label ?? metric.id)}*\n${inlineCode(metric.expression)}`);
    }
  }
  if (change.metrics.length > 3) fields.push(`…and ${change.metrics.length - 3} more metrics`);
  return fields;
}

function triggeringAlarmsBlock(change: AlarmChange): KnownBlock[] {
  const children = change.state.reasonData?.triggeringAlarms ?? [];
  if (children.length === 0) return [];
  const lines = children
    .slice(0, 20)
    .map(
      (t) =>
        `${stateMarker(t.state ?? 'ALARM')} <${alarmConsoleUrl({ region: change.region, alarmName: t.name })}|${escapeText(t.name)}>${t.timestamp ? ` since ${slackTime(t.timestamp)}` : ''}`,
    );
  if (children.length > 20) lines.push(`…and ${children.length - 20} more`);
  return [section(`*Child alarms that triggered it*\n${lines.join('\n')}`)];
}

export interface ThreadStatus {
  /** When the thread's first ALARM (or first message) happened. */
  openedAt: Date;
  /** The latest state change of the alarm. */
  current: AlarmChange;
}

/**
 * The one-line status a parent shows once its alarm has moved on: "resolved after 14 min". "Again"
 * only for the state the thread started in (ALARM → OK → ALARM); any other state (ALARM →
 * INSUFFICIENT_DATA) is new to the thread, so it says since when.
 */
export function statusLine(status: ThreadStatus, firstState: AlarmStateValue): string {
  const { current, openedAt } = status;
  const lasted = humanDuration(current.state.timestamp.getTime() - openedAt.getTime());
  const marker = STATE_MARKER[current.state.value];
  const at = slackTime(current.state.timestamp);
  if (current.state.value === 'OK') return `${marker} *Resolved after ${lasted}* (OK at ${at})`;
  const when = current.state.value === firstState ? 'again at' : 'since';
  return `${marker} *${current.state.value}* ${when} ${at}, ${lasted} after it started`;
}

/**
 * The full alarm message: the thread's parent. With `status`, it is the parent re-rendered after a
 * later change: the header shows the current state and a line says how long it lasted. Everything
 * else (reason, time of change, buttons) is rendered from that newest change as a whole, never a
 * header of one change over the reason of another; `first` is only the state the thread opened in.
 */
export function renderAlarmMessage(first: AlarmChange, route: RouteDecision, status?: ThreadStatus): SlackMessage {
  const change = status?.current ?? first;
  const shown = change.state.value;
  const mention = route.mention && shown === 'ALARM' && !status ? `<!subteam^${route.mention}> ` : '';
  const blocks: KnownBlock[] = [header(`${STATE_MARKER[shown]} ${shown}: ${change.alarmName}`)];
  if (status) blocks.push(section(statusLine(status, first.state.value)));
  blocks.push(section(`${mention}${plainReason(change)}`));
  if (change.description) blocks.push(section(`_${escapeText(change.description)}_`));
  blocks.push(...triggeringAlarmsBlock(change));
  blocks.push(
    fieldsSection([
      ...metricFields(change),
      `*Account / region*\n${escapeText(`${change.account} · ${change.region}`)}`,
      `*Changed*\n${slackTime(change.state.timestamp)}${change.previousState ? ` (was ${change.previousState.value})` : ''}`,
    ]),
  );
  const notes = [`<${alarmConsoleUrl(change)}|Open the alarm in CloudWatch>`];
  if (change.mute) notes.push(`Muted by ${inlineCode(change.mute.by.split(':').at(-1) ?? '')}`);
  const reason = plainReason(change);
  // CloudWatch's own sentence, when the plain words were built from reasonData rather than from it.
  const sentence = cloudWatchSentence(change);
  if (change.state.reason && !reason.includes(sentence)) notes.push(`CloudWatch: ${sentence}`);
  blocks.push(context(...notes));
  const actions = alarmActions(change, route);
  if (actions) blocks.push(actions);
  const text = md`${trusted(mention)}${shown}: ${change.alarmName} (${change.account} ${change.region})`;
  return safeMessage({ text: truncate(text, LIMITS.fallbackText), blocks }, route.mention ? [route.mention] : []);
}

/** A later state change, posted in the alarm's thread: short, since the parent holds the detail. */
export function renderThreadReply(change: AlarmChange, route: RouteDecision): SlackMessage {
  const value = change.state.value;
  const mention = route.mention && value === 'ALARM' ? `<!subteam^${route.mention}> ` : '';
  const blocks: KnownBlock[] = [
    section(
      `${mention}${STATE_MARKER[value]} *${value}* at ${slackTime(change.state.timestamp)}\n${plainReason(change)}`,
    ),
  ];
  if (change.state.reason) blocks.push(context(`CloudWatch: ${cloudWatchSentence(change)}`));
  return safeMessage(
    { text: truncate(md`${trusted(mention)}${value}: ${change.alarmName}`, LIMITS.fallbackText), blocks },
    route.mention ? [route.mention] : [],
  );
}

/**
 * A change older than the one the parent shows, which arrived after it: one quiet line in the
 * thread for the record. No mention and no re-render: it is not what the alarm is doing now.
 */
export function renderLateReply(change: AlarmChange, shownState: AlarmStateValue): SlackMessage {
  const value = change.state.value;
  const line = `_(arrived late)_ ${STATE_MARKER[value]} *${value}* at ${slackTime(change.state.timestamp)}, before the ${shownState} shown above.`;
  const notes = change.state.reason ? [line, `CloudWatch: ${cloudWatchSentence(change)}`] : [line];
  return safeMessage({
    text: truncate(md`(arrived late) ${value}: ${change.alarmName}`, LIMITS.fallbackText),
    blocks: [context(...notes)],
  });
}
