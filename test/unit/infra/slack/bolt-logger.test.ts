import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { type AppLogger, errorReporter, toBoltLogger } from '../../../../infra/slack/bolt-logger.ts';

function recording() {
  const lines: { level: string; message: string; extra: unknown[] }[] = [];
  const at =
    (level: string) =>
    (message: string, ...extra: unknown[]) =>
      lines.push({ level, message, extra });
  const logger: AppLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { lines, logger };
}

describe('infra/slack/bolt-logger', () => {
  it('passes Bolt’s info, warnings and errors on as one line each, and drops its debug lines', () => {
    // Prepare
    const { lines, logger } = recording();
    const bolt = toBoltLogger(logger);

    // Act
    bolt.debug('request body', { token: 'verification-token' });
    bolt.info('listening', 3000);
    bolt.warn('slow ack');
    bolt.error('failed', new Error('boom'));

    // Assess
    expect(lines).toEqual([
      { level: 'info', message: 'listening 3000', extra: [] },
      { level: 'warn', message: 'slow ack', extra: [] },
      { level: 'error', message: 'failed Error: boom', extra: [] },
    ]);
  });

  it('keeps the level Bolt sets', () => {
    const bolt = toBoltLogger(recording().logger);
    expect(bolt.getLevel()).toBe('info');
    bolt.setLevel(LogLevel.ERROR);
    bolt.setName('bolt');
    expect(bolt.getLevel()).toBe('error');
  });

  it('logs a failed command under its reference, with what happened and where', () => {
    // Prepare
    const { lines, logger } = recording();
    const error = new TypeError('x is undefined');

    // Act
    errorReporter(logger)(error, 'ref-123');

    // Assess
    expect(lines).toEqual([
      {
        level: 'error',
        message: 'Command failed',
        extra: [{ reference: 'ref-123', error: 'TypeError', message: 'x is undefined', stack: error.stack }],
      },
    ]);
  });
});
