import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** infra/build/iam.cjs is what serverless.yml's `${file(…)}` loads: CommonJS, read with require(). */
const iam = createRequire(import.meta.url)('../../infra/build/iam.cjs') as {
  allowedLogGroupArns: (options: { resolveVariable: (name: string) => Promise<string> }) => Promise<unknown[]>;
  logGroupListArns: (options: { resolveVariable: (name: string) => Promise<string> }) => Promise<unknown[]>;
};

const params = (values: Record<string, string>) => ({
  resolveVariable: async (name: string) => values[name.replace(/^param:/, '')] ?? '',
});
/** CloudFormation's variables as Fn::Sub receives them. */
const P = '\u0024{AWS::Partition}';
const R = '\u0024{AWS::Region}';
const A = '\u0024{AWS::AccountId}';
const arns = (list: unknown[]) => list.map((a) => (a as { 'Fn::Sub': string })['Fn::Sub']);

describe('infra/build/iam.cjs', () => {
  it('grants StartQuery on the allowed groups in its own Region and account only, by default', async () => {
    expect(arns(await iam.allowedLogGroupArns(params({ logGroupsAllowed: '/aws/lambda/*' })))).toEqual([
      `arn:${P}:logs:${R}:${A}:log-group:/aws/lambda/*`,
    ]);
  });

  it('grants them in every Region of regionsAllowed and every linked account of accounts too', async () => {
    // Act
    const values = { logGroupsAllowed: '/ecs/web', regionsAllowed: 'eu-west-1', accounts: 'prod=111122223333' };
    const query = arns(await iam.allowedLogGroupArns(params(values)));
    const list = arns(await iam.logGroupListArns(params(values)));

    // Assess
    expect(query).toEqual([
      `arn:${P}:logs:${R}:${A}:log-group:/ecs/web:*`,
      `arn:${P}:logs:${R}:111122223333:log-group:/ecs/web:*`,
      `arn:${P}:logs:eu-west-1:${A}:log-group:/ecs/web:*`,
      `arn:${P}:logs:eu-west-1:111122223333:log-group:/ecs/web:*`,
    ]);
    expect(list).toContain(`arn:${P}:logs:eu-west-1:111122223333:log-group:*`);
    expect(list).toHaveLength(4);
  });

  it('refuses parameters that are no Region or account, rather than grant something else', async () => {
    await expect(iam.logGroupListArns(params({ regionsAllowed: 'ireland' }))).rejects.toThrow('Region code');
    await expect(iam.logGroupListArns(params({ accounts: 'prod=1234' }))).rejects.toThrow('alias=id');
  });
});
