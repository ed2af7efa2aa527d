import { type AlarmEvent, alarmEvent } from '../../../fixtures/alarm-events/index.ts';

/** A math alarm whose expression names its metrics by the alarm's own ids, as most do. */
export function errorRateEvent(): AlarmEvent {
  const event = alarmEvent('metric-math');
  const metric = (id: string, name: string) => ({
    id,
    metricStat: {
      metric: { namespace: 'AWS/Lambda', name, dimensions: { FunctionName: 'payments-api' } },
      period: 60,
      stat: 'Sum',
    },
    returnData: false,
  });
  event.detail.configuration = {
    metrics: [
      { id: 'rate', expression: '100 * errors / invocations', label: 'Error rate', returnData: true },
      metric('errors', 'Errors'),
      metric('invocations', 'Invocations'),
    ],
  };
  return event;
}
