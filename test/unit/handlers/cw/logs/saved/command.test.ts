import { describe, expect, it } from 'vitest';
import { readCommandRequest } from '../../../../../../handlers/command-request.ts';
import { planRequest } from '../../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../../handlers/errors.ts';
import { REGISTRY } from '../../../../../../handlers/registry.ts';
import type { ScopeLimit } from '../../../../../../handlers/scope.ts';
import { commandDeps } from '../../../../../fixtures/command-deps.ts';

const settings = commandDeps({
  regionsAllowed: ['us-east-1', 'eu-west-1'],
  accounts: [
    { alias: 'payments', id: '210987654321' },
    { alias: 'search', id: '309876543210' },
  ],
});
const plan = (text: string, scopeLimit?: ScopeLimit) =>
  planRequest(readCommandRequest({ command: '/cw', text, ...(scopeLimit ? { scopeLimit } : {}) }, REGISTRY), settings);

describe('handlers/cw/logs/saved', () => {
  it('lists the saved queries of a Region, never of a linked account (they live in the monitoring account)', () => {
    // Act
    const own = plan('logs saved');
    const ireland = plan('logs saved --region eu-west-1');

    // Assess
    expect(own.kind === 'work' ? own.scope : undefined).toEqual({ region: 'us-east-1' });
    expect(ireland.kind === 'work' ? ireland.scope : undefined).toEqual({ region: 'eu-west-1' });
    expect(() => plan('logs saved --account payments')).toThrow(UserInputError);
  });

  it('keeps to a channel’s Regions, and is not asked to choose between the accounts a channel may read', () => {
    // Act
    const limited = plan('logs saved', { accounts: ['210987654321', '309876543210'], regions: ['eu-west-1'] });

    // Assess
    expect(limited.kind === 'work' ? limited.scope : undefined).toEqual({ region: 'eu-west-1' });
    expect(() => plan('logs saved --region us-east-1', { regions: ['eu-west-1'] })).toThrow(/may not read `us-east-1`/);
  });
});
