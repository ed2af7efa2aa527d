import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AlarmRouting, validateAlarmRouting } from '../handlers/alarm-relay/routes.ts';

/**
 * The relay's routing at cold start. Deployed, it is the JSON `npm run bundle` wrote from
 * infra/alarm-routes.yml (checked there), so no YAML parser is loaded; a .yml file (local runs)
 * loads the YAML reader first.
 */
export async function loadRouting(file: string, defaultChannel?: string): Promise<AlarmRouting> {
  if (!file.endsWith('.json')) {
    const { loadAlarmRoutes } = await import('./alarm-routes.ts');
    return loadAlarmRoutes(file, defaultChannel);
  }
  // Resolved against the package root by the configuration (infra/config.ts); relative names read from the working directory.
  const path = resolve(file);
  return validateAlarmRouting(JSON.parse(readFileSync(path, 'utf8')), file, defaultChannel);
}
