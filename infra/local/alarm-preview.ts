import type { SlackPoster } from '../../handlers/alarm-relay/ports.ts';
import { relayAlarm } from '../../handlers/alarm-relay/relay.ts';
import { validateAlarmRouting } from '../../handlers/alarm-relay/routes.ts';
import type { FilesPort, MetricImagePort } from '../../handlers/ports.ts';
import { didYouMean } from '../../handlers/suggest-word.ts';
import { demoAlarmEvent } from '../demo/demo-alarm-events.ts';
import { createInMemoryAlarmStore } from '../memory/alarm-store.ts';
import { renderForTerminal, type Style } from './render-terminal.ts';

export const ALARM_PREVIEW_USAGE =
  '/alarm fire | /alarm resolve (a local preview of alarm notifications; not a Slack command)';

/** What `/alarm fire` says when the demo's incident has already resolved in this preview. */
export const REPLAY_LINE =
  'replaying the demo incident from its start: a new preview (a fresh thread) with its original times and datapoints';

/**
 * `/alarm fire` and `/alarm resolve` in `npm start`: the demo incident's alarm goes through the
 * real relay (routing, threads, rendering, the graph) with an in-memory store, and what it would
 * post to Slack is printed. Every change sent is one the demo alarm really made (its time, reason
 * and datapoints, evaluated on the demo metrics). The demo has one incident: once it has resolved,
 * a `/alarm fire` replays it from its start as a new preview (a fresh store, so a fresh thread),
 * never a later firing the metric does not show.
 */
export function createAlarmPreview(options: {
  write: (text: string) => void;
  style: Style;
  /** Loaded on the first preview that draws a graph. */
  images: () => Promise<MetricImagePort>;
  files: FilesPort;
  now?: () => Date;
}) {
  const { write, style } = options;
  const now = options.now ?? (() => new Date());
  let store = createInMemoryAlarmStore();
  const routing = validateAlarmRouting({ defaultChannel: 'C0LOCAL01', routes: [] }, 'local preview');
  let sequence = 0;
  /** The state the preview's alarm was last sent in. */
  let last: 'ALARM' | 'OK' | undefined;
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
    if (state === 'ALARM' && last === 'OK') {
      // The incident is over: firing again would show datapoints from before the OK as if they were
      // new. Start the incident over instead, in a store of its own, as it happened.
      store = createInMemoryAlarmStore();
      last = undefined;
      write(style.dim(`── ${REPLAY_LINE} ──`));
    }
    // The same state twice is the same change again (same time): the relay posts nothing and says so.
    const event = await demoAlarmEvent(state, now(), `local-${sequence}`);
    last = state;
    // The relay draws and "uploads" the graph through these; the shell says where the PNG went.
    let drawn = false;
    let saved: string | undefined;
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
        images: {
          getMetricImage: async (request, callOptions) => {
            drawn = true;
            return (await options.images()).getMetricImage(request, callOptions);
          },
        },
        files: {
          upload: async (file) => {
            const uploaded = await options.files.upload(file);
            saved = uploaded.location;
            return uploaded;
          },
        },
      },
      event,
    );
    if (drawn) {
      // The shell is the user's own terminal: say where the PNG is, and that Slack got nothing.
      write(
        style.dim(
          saved
            ? `── graph for the thread saved on this machine: ${saved} (the shell posts nothing to Slack) ──`
            : '── no graph for the thread ──',
        ),
      );
    }
    if (result.outcome === 'unchanged') write(style.dim(`── nothing posted: the alarm is ${result.reason} ──`));
  };
}
