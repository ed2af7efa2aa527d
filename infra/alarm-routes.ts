import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { AlarmRoutesError, type AlarmRouting, validateAlarmRouting } from '../handlers/alarm-relay/routes.ts';

/** The routing file shipped with the code; `ALARM_ROUTES_FILE` points elsewhere. */
export const DEFAULT_ROUTES_FILE = 'infra/alarm-routes.yml';

/** Parses routing YAML and validates it; every problem is reported at once with its path. */
export function parseAlarmRoutes(text: string, source: string, defaultChannel?: string): AlarmRouting {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new AlarmRoutesError(source, [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return validateAlarmRouting(raw, source, defaultChannel);
}

/**
 * Reads the routing file; a relative name is read from the working directory (the configuration
 * gives the relay a path already resolved against the package root, infra/config.ts).
 */
export function loadAlarmRoutes(file = DEFAULT_ROUTES_FILE, defaultChannel?: string): AlarmRouting {
  const path = resolve(file);
  return parseAlarmRoutes(readFileSync(path, 'utf8'), file, defaultChannel);
}
