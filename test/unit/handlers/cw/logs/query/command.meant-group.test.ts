import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../../../../handlers/dispatch.ts';
import { NotAllowedError } from '../../../../../../handlers/errors.ts';
import { commandDeps } from '../../../../../fixtures/command-deps.ts';

describe('/cw logs query: a group name without its leading slash', () => {
  it.each([
    ['aws/lambda/checkout-api', 'Did you mean `/aws/lambda/checkout-api`?'],
    ['aws/lambda/checkout-api,/aws/lambda/image-resizer', 'Did you mean `/aws/lambda/checkout-api`?'],
  ])('`%s` is refused before any AWS call with the name meant', (groups, hint) => {
    // Act
    const run = () => planCommand({ command: '/cw', text: `logs query ${groups} --since 1h` }, commandDeps());

    // Assess
    expect(run).toThrow(NotAllowedError);
    expect(run).toThrow(hint);
  });

  it('suggests nothing that is not allowed', () => {
    const run = () => planCommand({ command: '/cw', text: 'logs query ecs/secret' }, commandDeps());
    expect(run).toThrow(/^I may not read `ecs\/secret`\. Allowed:/);
  });
});
