import { formatTimestamp, type Row } from './logs-insights/evaluate.ts';

/**
 * The demo's log events, generated for any time range: Lambda groups write what the Lambda
 * runtime writes (START, the function's own lines, END, REPORT with Duration/Billed
 * Duration/Max Memory Used, and "Task timed out" when one times out), with the fields Logs
 * Insights discovers in them (`@type`, `@requestId`, `@duration`, …); the ECS group writes nginx
 * access lines. Streams are named as Lambda and ECS name them, with the events' own date.
 * The incident is the demo metrics' one: orders-db's connection pool runs dry, checkout-api times out
 * and the load balancer answers 502.
 */

const ACCOUNT = '123456789012';
export const INCIDENT_MS = 25 * 60_000;

/** FNV-1a: stable pseudo-random hex from a key, so the same instant always gives the same ids. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // murmur3's finalizer, so keys that differ in one character give unrelated ids.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
function hex(key: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += hash(`${key}#${i}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}
const requestId = (key: string) => {
  const h = hex(key, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

interface Source {
  group: string;
  stepMs: number;
  /** The events of the step starting at `t` (the n-th since the epoch). */
  eventsAt(
    t: number,
    n: number,
    incident: number,
  ): { offsetMs: number; message: string; extra?: Record<string, string> }[];
  stream(t: number, n: number): string;
}

/** Lambda names a stream by its date and the execution environment: `2026/12/02/[$LATEST]<32 hex>`. */
const streams = new Map<string, string>();
function lambdaStream(group: string, t: number): string {
  const day = new Date(t).toISOString().slice(0, 10);
  // An execution environment lives a couple of hours, then a new one (and stream) starts.
  const environment = Math.floor(t / (2 * 3_600_000)) * 4 + (Math.floor(t / 30_000) % 3);
  const key = `${group}|${day}|${environment}`;
  let name = streams.get(key);
  if (!name) {
    if (streams.size > 10_000) streams.clear();
    name = `${day.replaceAll('-', '/')}/[$LATEST]${hex(key, 32)}`;
    streams.set(key, name);
  }
  return name;
}

const MB = 1024 * 1024;

/** START, the function's lines, END and REPORT, as the Lambda runtime writes them. */
function invocation(
  id: string,
  t: number,
  durationMs: number,
  memorySizeMb: number,
  maxMemoryMb: number,
  lines: { offsetMs: number; message: string }[],
) {
  const billed = Math.ceil(durationMs);
  const lambda = (type: string) => ({ '@type': type, '@requestId': id });
  return [
    { offsetMs: 0, message: `START RequestId: ${id} Version: $LATEST`, extra: lambda('START') },
    ...lines.map((l) => ({ ...l, message: l.message.replace('{time}', new Date(t + l.offsetMs).toISOString()) })),
    { offsetMs: Math.floor(durationMs) + 1, message: `END RequestId: ${id}`, extra: lambda('END') },
    {
      offsetMs: Math.floor(durationMs) + 1,
      message: `REPORT RequestId: ${id}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\tMemory Size: ${memorySizeMb} MB\tMax Memory Used: ${maxMemoryMb} MB`,
      extra: {
        ...lambda('REPORT'),
        '@duration': durationMs.toFixed(2),
        '@billedDuration': String(billed),
        '@memorySize': String(memorySizeMb * MB),
        '@maxMemoryUsed': String(maxMemoryMb * MB),
      },
    },
  ];
}

const checkoutApi: Source = {
  group: '/aws/lambda/checkout-api',
  stepMs: 30_000,
  stream: (t) => lambdaStream('/aws/lambda/checkout-api', t),
  eventsAt(t, n, incident) {
    const id = requestId(`checkout|${n}`);
    const line = (offsetMs: number, level: string, text: string) => ({
      offsetMs,
      message: `{time}\t${id}\t${level}\t${text}`,
    });
    if (t >= incident && t < incident + INCIDENT_MS && n % 2 === 0) {
      // The pool is exhausted: the handler waits for a connection until the function's 6 s timeout.
      return invocation(id, t, 6000, 512, 143, [
        line(5003, 'ERROR', 'orders-db connection timeout after 5000 ms: pool exhausted (20 of 20 in use)'),
        { offsetMs: 6000, message: `{time} ${id} Task timed out after 6.00 seconds` },
      ]);
    }
    const order = 100000 + (n % 900000);
    const duration = 150 + (hash(`d${n}`) % 9000) / 100;
    const memory = 86 + (n % 9);
    if (n % 17 === 5) {
      // Now and then a query is slow even on a good day: retried, and rarely given up on.
      const lines = [
        line(2004, 'WARN', `orders-db query timeout after 2000 ms, retrying (attempt 2 of 3) order_id=${order}`),
      ];
      if (n % 51 === 22) {
        lines.push(
          line(4010, 'ERROR', `orders-db query timeout after 2000 ms (attempt 3 of 3): order_id=${order} not placed`),
        );
        return invocation(id, t, 4012.37, 512, memory, lines);
      }
      lines.push(
        line(2210, 'INFO', `order placed order_id=${order} items=${1 + (n % 4)} total_cents=${1999 + (n % 50) * 100}`),
      );
      return invocation(id, t, 2214.81, 512, memory, lines);
    }
    return invocation(id, t, duration, 512, memory, [
      line(
        Math.floor(duration) - 3,
        'INFO',
        `order placed order_id=${order} items=${1 + (n % 4)} total_cents=${1999 + (n % 50) * 100}`,
      ),
    ]);
  },
};

const imageResizer: Source = {
  group: '/aws/lambda/image-resizer',
  stepMs: 60_000,
  stream: (t) => lambdaStream('/aws/lambda/image-resizer', t),
  eventsAt(t, n) {
    const id = requestId(`resizer|${n}`);
    const duration = 900 + (hash(`r${n}`) % 12000) / 100;
    return invocation(id, t, duration, 1024, 310 + (n % 60), [
      {
        offsetMs: Math.floor(duration) - 2,
        message: `{time}\t${id}\tINFO\tresized uploads/${n % 997}.jpg to 3 sizes bytes=${20000 + (n % 5000)}`,
      },
    ]);
  },
};

const PATHS = ['/checkout', '/cart', '/products/42', '/health', '/static/app.js'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's time format: `02/Dec/2026:05:12:00 +0000`. */
function nginxTime(t: number): string {
  const d = new Date(t);
  const two = (v: number) => String(v).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const publicWeb: Source = {
  group: '/ecs/public-web',
  stepMs: 30_000,
  // ECS (awslogs driver) names a stream prefix/container/task-id: no date in it.
  stream: (t) => `web/nginx/${hex(`task|${Math.floor(t / (6 * 3_600_000))}|${Math.floor(t / 30_000) % 2}`, 32)}`,
  eventsAt(t, n, incident) {
    const path = PATHS[n % PATHS.length] ?? '/';
    const failing = t >= incident && t < incident + INCIDENT_MS && n % 3 === 0;
    const status = failing ? 502 : n % 23 === 7 ? 404 : 200;
    const bytes = status === 200 ? 1234 + (n % 300) : status === 404 ? 153 : 0;
    const seconds = failing ? '1.600' : (0.012 + (hash(`w${n}`) % 200) / 1000).toFixed(3);
    const ip = `10.0.${n % 255}.${(n * 7) % 250}`;
    return [
      {
        offsetMs: 0,
        message: `${ip} - - [${nginxTime(t)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "Mozilla/5.0" ${seconds}`,
      },
    ];
  },
};

const SOURCES = [checkoutApi, imageResizer, publicWeb];

/** Every event of the groups between `start` and `end` (inclusive), newest first as Logs Insights returns them. */
export function demoLogEvents(groups: readonly string[], start: number, end: number, incident: number): Row[] {
  const events: Row[] = [];
  for (const [index, source] of SOURCES.entries()) {
    if (!groups.includes(source.group)) continue;
    // A step that began shortly before `start` may still write inside the range.
    const first = Math.floor((start - 10_000) / source.stepMs);
    for (let n = first; n * source.stepMs <= end; n++) {
      const t = n * source.stepMs;
      const stream = source.stream(t, n);
      for (const e of source.eventsAt(t, n, incident)) {
        const time = t + e.offsetMs;
        if (time < start || time > end) continue;
        events.push({
          time,
          values: {
            '@timestamp': formatTimestamp(time),
            '@message': e.message,
            '@logStream': stream,
            '@log': `${ACCOUNT}:${source.group}`,
            // Opaque, like Logs Insights' own pointers; unique per event.
            '@ptr': `demo-${index.toString(36)}-${time.toString(36)}-${events.length.toString(36)}`,
            ...e.extra,
          },
        });
      }
    }
  }
  return events.sort((a, b) => b.time - a.time);
}
