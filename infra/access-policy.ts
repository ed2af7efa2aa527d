import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type AccessPolicy, validateAccessPolicy } from '../handlers/access-policy.ts';
import { ConfigError } from './config.ts';

/**
 * Reads and checks the access policy (`ACCESS_POLICY_FILE`, e.g. infra/access-policy.yml). A bad
 * file stops the slack function at cold start, and `npm test` checks the repository's own.
 */
export function loadAccessPolicy(
  path: string,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): AccessPolicy {
  let raw: unknown;
  try {
    raw = parse(read(path));
  } catch (error) {
    throw new ConfigError(
      `${path} could not be read as YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { policy, problems } = validateAccessPolicy(raw);
  if (!policy) throw new ConfigError(`${path} is not a valid access policy:\n- ${problems.join('\n- ')}`);
  return policy;
}
