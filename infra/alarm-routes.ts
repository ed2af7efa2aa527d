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
 * Reads the routing file relative to the working directory (`/var/task` in Lambda, where the package's
 * files are), so serverless.yml must package it.
 */
export function loadAlarmRoutes(file = DEFAULT_ROUTES_FILE, defaultChannel?: string): AlarmRouting {
  const path = resolve(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), file);
  return parseAlarmRoutes(readFileSync(path, 'utf8'), file, defaultChannel);
}
