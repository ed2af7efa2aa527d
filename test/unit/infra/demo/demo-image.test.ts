import { describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { ALARM_GRAPH_WINDOW, alarmGraphRequest, graphSource } from '../../../../handlers/alarm-relay/alarm-graph.ts';
import type { MetricImageRequest } from '../../../../handlers/ports.ts';
import { metricWidget } from '../../../../infra/aws/metric-image.ts';
import { demoAlarmEvent } from '../../../../infra/demo/demo-alarm-events.ts';
import { createDemoMetricImage } from '../../../../infra/demo/demo-image.ts';
import { createDemoMetrics } from '../../../../infra/demo/demo-metrics.ts';
import { chartFromWidget, PALETTE } from '../../../../infra/demo/widget-data.ts';
import { buildMetricWidget } from '../../../../infra/metric-widget.ts';
import { decodePng } from '../../../fixtures/decode-png.ts';

const now = new Date('2026-11-25T12:34:00Z');
const metrics = createDemoMetrics({ now: () => now });
const RED = [214, 39, 40];

async function alarmRequest(state: 'ALARM' | 'OK'): Promise<MetricImageRequest> {
  const parsed = parseAlarmEvent(await demoAlarmEvent(state, now, 'test'));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const c = parsed.change;
  const request = alarmGraphRequest(
    { alarmName: c.alarmName, ...graphSource(c), changedAt: c.state.timestamp, state: c.state.value },
    now,
    ALARM_GRAPH_WINDOW,
  );
  if (!request) throw new Error('nothing to draw');
  return request;
}

type Image = ReturnType<typeof decodePng>;
const same = (a: number[], b: number[]) => a.every((v, i) => v === b[i]);

/** Rows (or columns) where at least `share` of the pixels have this colour: a drawn line. */
function linesOf(image: Image, rgb: number[], axis: 'row' | 'column', share = 0.4): number[] {
  const [outer, inner] = axis === 'row' ? [image.height, image.width] : [image.width, image.height];
  const found: number[] = [];
  for (let o = 0; o < outer; o++) {
    let hits = 0;
    for (let i = 0; i < inner; i++) if (same(axis === 'row' ? image.rgb(i, o) : image.rgb(o, i), rgb)) hits++;
    if (hits >= inner * share) found.push(o);
  }
  return found;
}

function colours(image: Image): Set<string> {
  const seen = new Set<string>();
  for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) seen.add(image.rgb(x, y).join(','));
  return seen;
}

describe('infra/demo/demo-image', () => {
  it('draws an alarm graph with its threshold line and a marker at the moment the state changed', async () => {
    // Act
    const image = decodePng(await createDemoMetricImage(metrics).getMetricImage(await alarmRequest('ALARM')));

    // Assess
    expect([image.width, image.height]).toEqual([800, 400]);
    expect(linesOf(image, RED, 'row').length).toBeGreaterThan(0);
    expect(linesOf(image, RED, 'column', 0.3).length).toBeGreaterThan(0);
    // The series itself, in the first palette colour.
    expect(colours(image).has(PALETTE[0]?.join(',') ?? '')).toBe(true);
  });

  it('draws no threshold where the widget has none, and tells its series apart by colour', async () => {
    // Prepare
    const end = new Date('2026-11-25T12:30:00Z');
    const request: MetricImageRequest = {
      title: 'CPUUtilization orders-db users-db',
      periodSeconds: 300,
      start: new Date(end.getTime() - 3 * 3600_000),
      end,
      series: ['orders-db', 'users-db'].map((id) => ({
        namespace: 'AWS/RDS',
        metricName: 'CPUUtilization',
        dimensions: [{ name: 'DBInstanceIdentifier', value: id }],
        stat: 'Average',
      })),
    };

    // Act
    const image = decodePng(await createDemoMetricImage(metrics).getMetricImage(request));

    // Assess
    expect(linesOf(image, RED, 'row')).toEqual([]);
    const seen = colours(image);
    expect(seen.has(PALETTE[0]?.join(',') ?? '')).toBe(true);
    expect(seen.has(PALETTE[1]?.join(',') ?? '')).toBe(true);
  });

  it('keeps its palette colours far apart, so lines can be told apart (and from the threshold’s red)', () => {
    for (const [i, a] of [...PALETTE, RED].entries()) {
      for (const b of [...PALETTE, RED].slice(i + 1)) {
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        expect(distance, `${a} vs ${b}`).toBeGreaterThan(60);
      }
    }
  });

  it('reads the widget AWS is sent: its annotations, hidden inputs and the anomaly band', async () => {
    // Prepare: an alarm-like request with a hidden input, a band and both annotations
    const request: MetricImageRequest = {
      ...(await alarmRequest('ALARM')),
      series: [
        {
          id: 'm1',
          namespace: 'AWS/Lambda',
          metricName: 'Duration',
          dimensions: [{ name: 'FunctionName', value: 'checkout-api' }],
          stat: 'p99',
        },
        {
          id: 'm2',
          visible: false,
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensions: [{ name: 'FunctionName', value: 'checkout-api' }],
          stat: 'Sum',
        },
      ],
      expressions: [
        { id: 'ad1', expression: 'ANOMALY_DETECTION_BAND(m1, 2)', label: 'Duration (expected)' },
        { id: 'e1', expression: 'FILL(m2, 0)' },
      ],
    };

    // Act
    const sent = JSON.parse(metricWidget(request, 'us-east-1'));
    const chart = await chartFromWidget(buildMetricWidget(request, 'us-east-1'), metrics);

    // Assess
    expect(chart.horizontal.map((h) => h.value)).toEqual(
      sent.annotations.horizontal.map((h: { value: number }) => h.value),
    );
    expect(chart.vertical.map((v) => new Date(v.at).toISOString())).toEqual(
      sent.annotations.vertical.map((v: { value: string }) => v.value),
    );
    expect(chart.series.map((s) => s.label)).toEqual(['Duration checkout-api']);
    expect(chart.bands.map((b) => b.label)).toEqual(['Duration (expected)']);
    expect(chart.bands[0]?.upper.length).toBeGreaterThan(0);
    // The demo says what it could not draw rather than leave it out silently.
    expect(chart.notes).toEqual(['Not drawn by the demo: e1 = FILL(m2, 0)']);
  });
});
