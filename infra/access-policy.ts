import { type AccessPolicy, validateAccessPolicy } from '../handlers/access-policy.ts';
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
