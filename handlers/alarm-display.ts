import { consoleBase } from './cw/metrics/console-link.ts';
import type { AlarmState } from './ports.ts';

/**
 * How an alarm is shown wherever the bot shows one (the relay's messages and digests, `/cw alarms`):
 * one marker per state and one console link, so the two never drift apart.
 */

export const STATE_MARKER: Readonly<Record<AlarmState, string>> = {
  ALARM: ':red_circle:',
  OK: ':large_green_circle:',
  INSUFFICIENT_DATA: ':white_circle:',
};

/** The marker of a state read from elsewhere (a composite alarm's children): unknown ones get the neutral one. */
export function stateMarker(state: string | undefined): string {
  return Object.hasOwn(STATE_MARKER, state ?? '') ? STATE_MARKER[state as AlarmState] : STATE_MARKER.INSUFFICIENT_DATA;
}

/** `:red_circle: ALARM`: the marker and the state's name, as headings and counts write it. */
export function stateLabel(state: AlarmState): string {
  return `${STATE_MARKER[state]} ${state}`;
}

/**
 * The CloudWatch console's entry for a fragment (`#alarmsV2:…`). `deeplink.js` opens the fragment
 * after the console's sign-in, in the partition's console host.
 */
function cloudWatchConsole(region: string, fragment: string): string {
  return `${consoleBase(region)}/cloudwatch/deeplink.js?region=${region}#${fragment}`;
}

/** The alarm's page in the CloudWatch console. */
export function alarmConsoleUrl(alarm: { region: string; alarmName: string }): string {
  return cloudWatchConsole(alarm.region, `alarmsV2:alarm/${encodeURIComponent(alarm.alarmName)}`);
}

/** The console's alarm list filtered to one state. */
export function alarmsInStateConsoleUrl(region: string, state: AlarmState): string {
  return cloudWatchConsole(region, `alarmsV2:?~(state~'${state})`);
}
