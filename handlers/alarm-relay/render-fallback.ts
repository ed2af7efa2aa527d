import { alarmConsoleUrl, STATE_MARKER } from '../alarm-display.ts';
import { context, escapeText, LIMITS, md, type SlackMessage, safeMessage, truncate } from '../slack-message.ts';
import type { AlarmChange } from './alarm-change.ts';
import { plainReason } from './reason.ts';
import { renderAlarmMessage } from './render-alarm.ts';
import type { RouteDecision } from './routes.ts';

/** Slack errors that mean the route's channel cannot take the message, whatever we retry. */
export const ROUTE_FAILURES = ['channel_not_found', 'not_in_channel', 'is_archived'] as const;
export type RouteFailure = (typeof ROUTE_FAILURES)[number];
export const isRouteFailure = (code: string | undefined): code is RouteFailure =>
  (ROUTE_FAILURES as readonly (string | undefined)[]).includes(code);

/** Slack refused the message itself: a smaller, plain one goes instead. */
export const TOO_RICH = ['msg_too_long', 'invalid_blocks'] as const;
export const isTooRich = (code: string | undefined) => (TOO_RICH as readonly (string | undefined)[]).includes(code);

/** Enough of the reason to act on; the full event stays in the relay's log line. */
const PLAIN_REASON = 300;

/**
 * The alarm as one plain-text line, no blocks: what is posted when Slack refuses the full message
 * (`msg_too_long`, `invalid_blocks`). Alarm, state, the reason cut, the console link.
 */
export function renderPlainAlarm(change: AlarmChange): SlackMessage {
  const value = change.state.value;
  const reason = truncate(plainReason(change).replace(/\s+/g, ' '), PLAIN_REASON);
  const text = `${STATE_MARKER[value]} ${value}: ${escapeText(truncate(change.alarmName, 255))} (${escapeText(`${change.account} ${change.region}`)}): ${reason} <${alarmConsoleUrl(change)}|Open in CloudWatch>`;
  return safeMessage({ text: truncate(text, LIMITS.fallbackText) });
}

function whyNotThere(failure: RouteFailure, route: RouteDecision): string {
  // The channel id is checked by the routing file's validation (C…/G…), so it is safe to link.
  const where = `<#${route.channel}>`;
  const routeName = route.routeName ? md`route ${route.routeName}` : 'the default channel';
  switch (failure) {
    case 'not_in_channel':
      return `:warning: Meant for ${where}, but I'm not in ${where}: \`/invite @cw-chatops\` there.`;
    case 'is_archived':
      return `:warning: Meant for ${where}, which is archived: unarchive it or point ${routeName} in \`infra/alarm-routes.yml\` at another channel.`;
    case 'channel_not_found':
      return `:warning: Meant for \`${route.channel}\`, which I cannot find: it was deleted, or it is private and I'm not in it (\`/invite @cw-chatops\` there); check ${routeName} in \`infra/alarm-routes.yml\`.`;
  }
}

/**
 * The alarm posted in the default channel because its route's channel refused it: the usual message,
 * led by a line saying where it should have gone and what to do about it.
 */
export function renderRerouted(change: AlarmChange, route: RouteDecision, failure: RouteFailure): SlackMessage {
  const message = renderAlarmMessage(change, route);
  const note = whyNotThere(failure, route);
  const plainNote = `(Meant for ${route.channel}: ${failure}) `;
  return {
    text: truncate(`${plainNote}${message.text}`, LIMITS.fallbackText),
    blocks: [context(note), ...(message.blocks ?? [])].slice(0, LIMITS.blocksPerMessage),
  };
}
