import { runLogsQuery } from '../../handlers/cw/logs/run-logs.ts';
import type { LogsPort } from '../../handlers/ports.ts';

/** How many GetQueryResults calls a query that runs `seconds` costs with the polling schedule. */
export async function pollsFor(seconds: number): Promise<number> {
  let now = Date.parse('2026-11-25T12:00:00Z');
  const startedAt = now;
  let polls = 0;
  const logs: LogsPort = {
    startQuery: async () => 'q',
    getQueryResults: async () => {
      polls++;
      const done = now - startedAt >= seconds * 1000;
      return {
        status: done ? 'Complete' : 'Running',
        fields: [],
        rows: [],
        statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
      };
    },
    stopQuery: async () => undefined,
    listSavedQueries: async () => [],
    listLogGroups: async () => [],
    listQueryLogGroups: async () => [],
  };
  await runLogsQuery(
    {
      logs,
      region: 'us-east-1',
      logsPolicy: { allowed: ['/bench'], maxRangeSeconds: 86400, pricePerGb: 0.005 },
      now: () => new Date(now),
      sleep: async (ms) => {
        now += ms;
      },
    },
    { logGroupNames: ['/bench'], range: { sinceSeconds: 3600 }, limit: undefined, queryString: 'fields @message' },
    {},
  );
  return polls;
}
