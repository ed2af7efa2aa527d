import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ConfigError } from './config.ts';

/**
 * The bot's configuration files (the alarm routes, the access policy): YAML in the repository, JSON
 * in the bundles (`npm run bundle` converts them, so no YAML parser loads at a Lambda's cold start).
 * One reader for all of them, so every file fails the same way: one {@link ConfigError} naming the
 * file and listing every problem in it.
 */

/** What a file must hold: a name for messages and a check that reports every problem at once. */
export interface ConfigSchema<T> {
  /** `alarm routing`, `access policy`: what the error message calls the file's content. */
  what: string;
  validate(raw: unknown): { value?: T | undefined; problems: string[] };
}

export interface ReadOptions {
  /** Reads a file's text; the file system by default (relative paths from the working directory, /var/task on Lambda). */
  read?: (path: string) => string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** JSON for `.json`, YAML for `.yml`/`.yaml`; anything else by its first character (`{` or `[` is JSON). */
export function configFormat(file: string, text: string): 'json' | 'yaml' {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yml' || ext === '.yaml') return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/** Parses a file's text as its format; the YAML parser is imported only for YAML. */
export async function parseConfigText(file: string, text: string): Promise<unknown> {
  const format = configFormat(file, text);
  try {
    if (format === 'json') return JSON.parse(text);
    const { parse } = await import('yaml');
    return parse(text);
  } catch (error) {
    throw new ConfigError(`${file} could not be read as ${format === 'json' ? 'JSON' : 'YAML'}: ${message(error)}`);
  }
}

/** Reads and parses a file without checking it (the bundle writes what it read, as JSON). */
export async function readConfigDocument(file: string, options: ReadOptions = {}): Promise<unknown> {
  let text: string;
  try {
    text = options.read ? options.read(file) : readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new ConfigError(`${file} could not be read: ${message(error)}`);
  }
  return parseConfigText(file, text);
}

/** Checks a parsed document against its schema; every problem goes into one error naming the file. */
export function checkConfig<T>(file: string, raw: unknown, schema: ConfigSchema<T>): T {
  const { value, problems } = schema.validate(raw);
  if (problems.length > 0 || value === undefined) {
    const listed = problems.length > 0 ? problems : ['it holds nothing'];
    throw new ConfigError(`${file} is not a valid ${schema.what}:\n- ${listed.join('\n- ')}`);
  }
  return value;
}

/**
 * Reads, parses and checks a configuration file.
 *
 * @example
 * const routing = await loadConfigFile('dist/alarm-relay/alarm-routes.json', alarmRoutingSchema('C0ALARMS01'));
 */
export async function loadConfigFile<T>(file: string, schema: ConfigSchema<T>, options: ReadOptions = {}): Promise<T> {
  return checkConfig(file, await readConfigDocument(file, options), schema);
}
