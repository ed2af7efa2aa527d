import { postAlarmGraph } from '../../handlers/alarms/alarm-graph.ts';
import { createInMemoryAlarmStore } from '../../handlers/alarms/in-memory-store.ts';
import type { SlackPoster } from '../../handlers/alarms/ports.ts';
import { relayAlarm } from '../../handlers/alarms/relay.ts';
import { validateAlarmRouting } from '../../handlers/alarms/routes.ts';
import type { FilesPort, MetricImagePort } from '../../handlers/ports.ts';
import { didYouMean } from '../../handlers/suggest-word.ts';
import { demoAlarmEvent } from '../demo/demo-alarm-events.ts';
import { renderForTerminal, type Style } from './render-terminal.ts';

export const ALARM_PREVIEW_USAGE =
  '/alarm fire | /alarm resolve (a local preview of alarm notifications; not a Slack command)';

/**
 * `/alarm fire` and `/alarm resolve` in `npm start`: the demo incident's alarm goes through the
 * real relay (routing, threads, rendering, the graph) with an in-memory store, and what it would
 * post to Slack is printed.
 */
export function createAlarmPreview(options: {
  write: (text: string) => void;
  style: Style;
  images: MetricImagePort;
  files: FilesPort;
  now?: () => Date;
}) {
  const { write, style } = options;
  const now = options.now ?? (() => new Date());
  const store = createInMemoryAlarmStore();
  const routing = validateAlarmRouting({ defaultChannel: 'C0LOCAL01', routes: [] }, 'local preview');
  let sequence = 0;
  /** The state the preview's alarm was last sent in, and when it changed (CloudWatch's timestamp). */
  let last: { state: 'ALARM' | 'OK'; at: Date } | undefined;
  const poster: SlackPoster = {
    async post(channel, message, threadTs) {
      sequence += 1;
      write(
        `${style.dim(`── posted to ${channel}${threadTs ? `, in the thread of ${threadTs}` : ''} ──`)}\n${renderForTerminal({ ...message, response_type: 'in_channel' }, style)}\n`,
      );
      return { ts: `${Math.floor(now().getTime() / 1000)}.${String(sequence).padStart(6, '0')}` };
    },
    async update(channel, ts, message) {
      write(
        `${style.dim(`── message ${ts} in ${channel} updated ──`)}\n${renderForTerminal({ ...message, response_type: 'in_channel' }, style)}\n`,
      );
    },
  };
  const quiet = { info: () => {}, warn: () => {}, error: (message: string) => write(style.dim(`[error] ${message}`)) };

  return async function previewAlarm(args: string): Promise<void> {
    const action = args.trim().toLowerCase();
    if (action !== 'fire' && action !== 'resolve') {
      const hint = action ? didYouMean(action, ['fire', 'resolve'], (a) => `/alarm ${a}`).trim() : '';
      write(style.dim(`${hint ? `${hint} ` : ''}Usage: ${ALARM_PREVIEW_USAGE}`));
      return;
    }
    sequence += 1;
    const state = action === 'fire' ? 'ALARM' : 'OK';
    let event = await demoAlarmEvent(state, now(), `local-${sequence}`);
    const at = changeTime(event.detail.state.timestamp);
    if (last && last.state === state) {
      // Nothing changed: CloudWatch would send no new transition, so this is the same one again.
      event.detail.state.timestamp = cloudWatchTime(last.at);
      event.detail.previousState = { ...event.detail.previousState, value: state };
    } else if (last && at.getTime() <= last.at.getTime()) {
      // A new firing (or resolution) after the last one is a newer change, whatever the demo's incident
      // says: a minute after it, so the preview keeps one thread, as a flapping alarm does. The builder
      // moves the whole change (its reason and the state before it), not only its time.
      const next = new Date(last.at.getTime() + 60_000);
      event = await demoAlarmEvent(state, now(), `local-${sequence}`, { at: next });
      event.detail.previousState = { ...event.detail.previousState, timestamp: cloudWatchTime(last.at) };
    }
    if (!last || last.state !== state) last = { state, at: changeTime(event.detail.state.timestamp) };
    const result = await relayAlarm(
      {
        routing,
        store,
        poster,
        deadLetter: async (_event, problems) => write(style.dim(`[dead letter] ${problems.join('; ')}`)),
        logger: quiet,
        now: () => now().getTime(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        deadlineMs: now().getTime() + 60_000,
        attachGraph: async (change, channel, threadTs) => {
          let saved: string | undefined;
          const files: FilesPort = {
            upload: async (file) => {
              const result = await options.files.upload(file);
              saved = result.location;
              return result;
            },
          };
          await postAlarmGraph({ images: options.images, files }, change, { channel, threadTs }, { now: now() });
          // The shell is the user's own terminal: say where the PNG is, and that Slack got nothing.
          write(
            style.dim(
              saved
                ? `── graph for the thread saved on this machine: ${saved} (the shell posts nothing to Slack) ──`
                : '── no graph for the thread ──',
            ),
          );
        },
      },
      event,
    );
    if (result.outcome === 'unchanged') write(style.dim(`── nothing posted: the alarm is ${result.reason} ──`));
  };
}

const changeTime = (text: string) => new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
/** CloudWatch's own timestamp format: an offset without a colon. */
const cloudWatchTime = (date: Date) => date.toISOString().replace('Z', '+0000');
