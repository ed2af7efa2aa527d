import { readFileSync } from 'node:fs';
import { type AccessPolicy, validateAccessPolicy } from '../handlers/access-policy.ts';
import { ConfigError } from './config.ts';

/** Loaded only for .yml files: the bundled slack function reads the JSON `npm run bundle` writes from the YAML. */
async function parseYaml(text: string): Promise<unknown> {
  const { parse } = await import('yaml');
  return parse(text);
}

/**
 * Reads and checks the access policy (`ACCESS_POLICY_FILE`: infra/access-policy.yml, or the JSON
 * the bundle carries). A bad file stops the slack function at cold start, and `npm test` checks
 * the repository's own.
 */
export async function loadAccessPolicy(
  path: string,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): Promise<AccessPolicy> {
  let raw: unknown;
  try {
    const text = read(path);
    raw = path.endsWith('.json') ? JSON.parse(text) : await parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      `${path} could not be read as ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { policy, problems } = validateAccessPolicy(raw);
  if (!policy) throw new ConfigError(`${path} is not a valid access policy:\n- ${problems.join('\n- ')}`);
  return policy;
}
