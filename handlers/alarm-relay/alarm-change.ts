import type { Dimension } from '../ports.ts';

/**
 * The alarm model: one CloudWatch alarm state change as the relay renders, routes and stores it,
 * whatever it was read from (alarm-event.ts parses EventBridge's events into it).
 */

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
export type AlarmStateValue = (typeof ALARM_STATES)[number];

/** `metric`: one metric; `math`: an expression; `anomaly`: ANOMALY_DETECTION_BAND; `insights`: a Metrics Insights query. */
export type AlarmKind = 'metric' | 'math' | 'anomaly' | 'insights' | 'composite' | 'unknown';

export interface MetricStat {
  namespace: string;
  name: string;
  dimensions: Dimension[];
  period?: number;
  stat?: string;
  /** The unit the alarm asks for (`metricStat.unit`), when it names one. */
  unit?: string;
}

export interface AlarmMetric {
  id: string;
  returnData: boolean;
  label?: string;
  expression?: string;
  period?: number;
  metricStat?: MetricStat;
}

export interface TriggeringAlarm {
  arn: string;
  name: string;
  state?: string;
  timestamp?: Date;
}

/** `reasonData`, which arrives as a JSON string; each field is present only for some alarm kinds. */
export interface ReasonData {
  threshold?: number;
  recentDatapoints?: number[];
  recentLowerThresholds?: number[];
  recentUpperThresholds?: number[];
  statistic?: string;
  period?: number;
  unit?: string;
  startDate?: Date;
  triggeringAlarms?: TriggeringAlarm[];
}

export interface AlarmState {
  value: AlarmStateValue;
  reason: string;
  reasonData?: ReasonData;
  timestamp: Date;
  actionsSuppressedBy?: string;
  actionsSuppressedReason?: string;
}

export interface AlarmChange {
  eventId: string;
  account: string;
  region: string;
  alarmArn: string;
  alarmName: string;
  description?: string;
  kind: AlarmKind;
  state: AlarmState;
  previousState?: AlarmState;
  metrics: AlarmMetric[];
  alarmRule?: string;
  actionsSuppressor?: string;
  mute?: { by: string; until?: Date };
}
