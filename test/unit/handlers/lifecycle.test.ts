import { describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandRequest } from '../../../handlers/command.ts';
import { readCommandRequest } from '../../../handlers/command-request.ts';
import { DataSourceBusyError } from '../../../handlers/errors.ts';
import { type AckRuntime, answerCommand, completeCommand } from '../../../handlers/lifecycle.ts';
import type { MetricsPort } from '../../../handlers/ports.ts';
import { REGISTRY } from '../../../handlers/registry.ts';
import { expectNoStrayAngleBrackets, expectValidMessage } from '../../fixtures/block-kit.ts';
import { commandDeps, runtimeOf } from '../../fixtures/command-deps.ts';

const request = (input: CommandInput): CommandRequest => readCommandRequest(input, REGISTRY);

import { fakeMetrics, seriesFor } from '../../fixtures/fake-metrics.ts';

const now = () => new Date('2026-11-25T12:00:00Z');

function deps(metrics: MetricsPort, overrides: Partial<AckRuntime> = {}) {
  const dispatched: CommandInput[] = [];
  const errors: Error[] = [];
  const all: AckRuntime = {
    ...runtimeOf(commandDeps({ metrics, now })),
    ackBudgetMs: 50,
    dispatch: async (input) => {
      dispatched.push(input);
    },
    reportError: (error) => errors.push(error),
    ...overrides,
  };
  return { all, dispatched, errors };
}

const quick = fakeMetrics({ data: (r) => r.series.map(() => seriesFor(r, (i) => i)) }).port;
/** A data source that never answers until aborted, like CloudWatch on a bad day. */
const stuck: MetricsPort = {
  getMetricData: (_r, options) =>
    new Promise((_, reject) => options?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
  listMetrics: async () => [],
  queryInsights: async () => ({ groups: [], status: 'Complete', messages: [] }),
};

describe('handlers/lifecycle', () => {
  it('answers help in the ack without touching the data source', async () => {
    // Prepare
    const getMetricData = vi.fn();
    const { all, dispatched } = deps({ getMetricData, listMetrics: vi.fn(), queryInsights: vi.fn() });

    // Act
    const { message } = await answerCommand(request({ command: '/cw', text: 'help' }), all, 'ref');

    // Assess
    expectValidMessage(message);
    expect(JSON.stringify(message.blocks)).toContain('/cw metrics');
    expect(JSON.stringify(message.blocks)).toContain('/cw logs query');
    expect(JSON.stringify(message.blocks)).toContain('/cw alarms');
    expectNoStrayAngleBrackets(message);
    expect(getMetricData).not.toHaveBeenCalled();
    expect(dispatched).toHaveLength(0);
  });

  it.each([
    ['', /needs a command/],
    ['   ', /needs a command/],
    ['frobnicate', /`frobnicate` is not a \/cw command/],
    ['metrics', /Which metric/],
  ])('answers bad input %j with an ephemeral message, usage and an example', async (text, reason) => {
    const { all, dispatched } = deps(quick);
    const { message } = await answerCommand(request({ command: '/cw', text }), all, 'ref');
    expectValidMessage(message);
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toMatch(reason);
    expect(JSON.stringify(message.blocks)).toContain('*Usage*');
    expect(JSON.stringify(message.blocks)).toMatch(/e\.g\.|Example/);
    expectNoStrayAngleBrackets(message);
    expect(dispatched).toHaveLength(0);
  });

  it('answers in the ack when the data source is quick', async () => {
    const { all, dispatched } = deps(quick);
    const { message } = await answerCommand(request({ command: '/cw', text: 'metrics rds cpu orders-db' }), all, 'ref');
    expect(JSON.stringify(message.blocks)).toContain('*Latest*');
    expect(dispatched).toHaveLength(0);
  });

  it('hands slow work to the worker and acks "working on it" within the budget', async () => {
    // Prepare
    const { all, dispatched } = deps(stuck, { ackBudgetMs: 30 });
    const started = Date.now();

    // Act
    const { message } = await answerCommand(
      request({ command: '/cw', text: 'metrics rds cpu orders-db --share' }),
      all,
      'ref',
    );

    // Assess
    expect(Date.now() - started).toBeLessThan(1000);
    expect(message.text).toMatch(/Fetching from CloudWatch/);
    expect(message.response_type).toBe('in_channel');
    expect(dispatched).toMatchObject([
      { command: '/cw', text: 'metrics rds cpu orders-db --share', path: ['/cw', 'metrics'] },
    ]);
  });

  it('says so when the hand-off itself fails', async () => {
    const { all, errors } = deps(stuck, {
      ackBudgetMs: 10,
      dispatch: async () => {
        throw new Error('lambda down');
      },
    });
    const { message } = await answerCommand(request({ command: '/cw', text: 'metrics rds cpu x' }), all, 'ref-42');
    expect(message.text).toMatch(/could not hand it to the worker.*ref-42/);
    expect(errors.map((e) => e.message)).toEqual(['lambda down']);
  });

  it('shows a friendly message for throttling and a reference for unexpected errors', async () => {
    // Prepare
    const busy = deps({
      ...quick,
      getMetricData: async () => Promise.reject(new DataSourceBusyError('CloudWatch is busy.')),
    });
    const broken = deps({ ...quick, getMetricData: async () => Promise.reject(new TypeError('x is undefined')) });

    // Act
    const { message: busyMessage } = await answerCommand(
      request({ command: '/cw', text: 'metrics rds cpu x' }),
      busy.all,
      'ref-1',
    );
    const { message: brokenMessage } = await answerCommand(
      request({ command: '/cw', text: 'metrics rds cpu x' }),
      broken.all,
      'ref-2',
    );

    // Assess
    expect(busyMessage.text).toMatch(/CloudWatch is busy\. Try again in a minute/);
    expect(busy.errors).toHaveLength(0);
    expect(brokenMessage.text).toMatch(/Something went wrong.*ref-2/);
    expect(brokenMessage.text).not.toContain('x is undefined');
    expect(broken.errors.map((e) => e.message)).toEqual(['x is undefined']);
  });
});

describe('handlers/lifecycle completeCommand', () => {
  it('runs the whole command for the worker', async () => {
    const { all } = deps(quick);
    const message = await completeCommand(request({ command: '/cw', text: 'metrics rds cpu x' }), all, {
      deadlineMs: 1000,
      reference: 'r',
    });
    expect(JSON.stringify(message.blocks)).toContain('*Maximum*');
  });

  it('answers at the deadline even when the work ignores the abort signal', async () => {
    // Prepare: work that never settles and never looks at its signal (a file upload, say)
    const { all } = deps({ ...quick, getMetricData: () => new Promise(() => {}) });

    // Act
    const message = await completeCommand(request({ command: '/cw', text: 'metrics rds cpu x' }), all, {
      deadlineMs: 30,
      reference: 'r',
    });

    // Assess
    expect(message.text).toMatch(/did not answer within/);
  });

  it('gives up at the deadline with a plain message', async () => {
    const { all } = deps(stuck);
    const message = await completeCommand(request({ command: '/cw', text: 'metrics rds cpu x' }), all, {
      deadlineMs: 20,
      reference: 'r',
    });
    expect(message.text).toMatch(/did not answer within/);
  });
});
