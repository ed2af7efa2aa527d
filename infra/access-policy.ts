import { type AccessPolicy, limitProblems, validateAccessPolicy } from '../handlers/access-policy.ts';
import { type Config, ConfigError } from './config.ts';
import { loadConfigFile, type ReadOptions } from './config-file.ts';

export const accessPolicySchema = {
  what: 'access policy',
  validate: (raw: unknown) => {
    const { policy, problems } = validateAccessPolicy(raw);
    return { value: policy, problems };
  },
};

/**
 * Reads and checks the access policy (`ACCESS_POLICY_FILE`: infra/access-policy.yml, or the JSON
 * the bundle carries). A bad file stops the slack function at cold start, and `npm test` checks
 * the repository's own.
 */
export function loadAccessPolicy(path: string, read?: ReadOptions['read']): Promise<AccessPolicy> {
  return loadConfigFile(path, accessPolicySchema, read ? { read } : {});
}

/**
 * The policy's `limits` against this deployment's `ACCOUNTS` and `REGIONS_ALLOWED`: a limit naming
 * an account or Region the bot does not have stops the function at cold start, naming both.
 */
export function checkPolicyLimits(
  policy: AccessPolicy,
  config: Pick<Config, 'regionsAllowed' | 'accounts'>,
  file: string,
): AccessPolicy {
  const problems = limitProblems(policy, config);
  if (problems.length > 0)
    throw new ConfigError(`${file} does not match the configuration:\n- ${problems.join('\n- ')}`);
  return policy;
}
