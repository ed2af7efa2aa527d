import { postAlarmGraph } from '../../handlers/alarms/alarm-graph.ts';
import { createInMemoryAlarmStore } from '../../handlers/alarms/in-memory-store.ts';
import type { SlackPoster } from '../../handlers/alarms/ports.ts';
import { relayAlarm } from '../../handlers/alarms/relay.ts';
import { validateAlarmRouting } from '../../handlers/alarms/routes.ts';
import type { FilesPort, MetricImagePort } from '../../handlers/ports.ts';
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
      write(style.dim(`Usage: ${ALARM_PREVIEW_USAGE}`));
      return;
    }
    sequence += 1;
    const event = demoAlarmEvent(action === 'fire' ? 'ALARM' : 'OK', now(), `local-${sequence}`);
    await relayAlarm(
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
          await postAlarmGraph(
            { images: options.images, files: options.files },
            change,
            { channel, threadTs },
            { now: now() },
          );
          write(style.dim('── graph posted in the thread (see .cw-chatops-files/) ──'));
        },
      },
      event,
    );
  };
}
