/**
 * What a deploy refuses before anything is built: the shipped placeholders (`T0CHANGEME`), ids
 * copied from the example files, no channel for alarms, and routes whose log groups the
 * deployment's allowlist would refuse. Every problem is listed at once, each with its file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { limitProblems, validateAccessPolicy } from '../../handlers/access-policy.ts';
import { isRequestAllowed, parseAllowlist } from '../../handlers/cw/logs/allowlist.ts';
import { ConfigError, parseAccounts, parseRegionsAllowed } from '../config.ts';

export const ACCESS_POLICY_FILE = 'infra/access-policy.yml';
export const ALARM_ROUTES_FILE = 'infra/alarm-routes.yml';
export const EXAMPLE_FILES = ['infra/access-policy.example.yml', 'infra/alarm-routes.example.yml'];

export interface DeployInputs {
  /** The deployment's `logGroupsAllowed` parameter, as serverless resolved it. */
  logGroupsAllowed: string;
  /** The deployment's `alarmDefaultChannel` parameter; empty when not given. */
  alarmDefaultChannel: string;
  /** The Region deployed to, and the `regionsAllowed` and `accounts` parameters the policy's limits must keep to. */
  region?: string;
  regionsAllowed?: string;
  accounts?: string;
}

export class DeployCheckError extends Error {
  override name = 'DeployCheckError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `Refusing to deploy: ${problems.length === 1 ? 'one thing' : `${problems.length} things`} to fix first ` +
        `(README, "Deploy", step 2):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/** A YAML line without its comment (ids contain no `#`). */
const code = (line: string) => line.replace(/(^|\s)#.*$/, '');

/** Slack ids (T…, C…, U…, S…) and AWS account ids as they appear in the files. */
const ID = /\b(?:[CDEGSTUW](?=[A-Z0-9]*\d)[A-Z0-9]{6,}|\d{12})\b/g;

/** The ids written in the example files: copying one unchanged is a mistake a deploy can see. */
export function exampleIds(read: (file: string) => string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of EXAMPLE_FILES) {
    for (const line of read(file).split('\n')) for (const id of code(line).match(ID) ?? []) ids.set(id, file);
  }
  return ids;
}

interface Finding {
  line: number;
  id: string;
  why: string;
}

function placeholders(text: string, examples: Map<string, string>): Finding[] {
  const found: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    for (const token of code(line).match(/\b[A-Z0-9]+\b/g) ?? []) {
      if (token.includes('CHANGEME')) found.push({ line: i + 1, id: token, why: 'is a placeholder' });
      else if (examples.has(token))
        found.push({ line: i + 1, id: token, why: `is a made-up id from ${examples.get(token)}` });
    }
  });
  return found;
}

const WHAT: Record<string, string> = {
  T: 'your workspace id (T…)',
  E: 'your Enterprise Grid id (E…)',
  C: 'a channel id (C…)',
  G: 'a channel id',
  D: 'a channel id',
  U: 'a user id (U…)',
  W: 'a user id',
  S: 'a user group id (S…)',
};

const firstLine = (text: string, needle: string) => {
  const index = text.split('\n').findIndex((line) => code(line).includes(needle));
  return index < 0 ? 1 : index + 1;
};

export function checkDeploy(inputs: DeployInputs, read: (file: string) => string): string[] {
  const problems: string[] = [];
  const examples = exampleIds(read);
  const policy = read(ACCESS_POLICY_FILE);
  for (const f of placeholders(policy, examples)) {
    problems.push(`${ACCESS_POLICY_FILE}:${f.line}: ${f.id} ${f.why}: put ${WHAT[f.id[0] ?? ''] ?? 'your id'} here.`);
  }

  problems.push(...policyLimitProblems(inputs, policy));

  const routesText = read(ALARM_ROUTES_FILE);
  const parameter = inputs.alarmDefaultChannel.trim();
  const parameterIsPlaceholder = parameter.includes('CHANGEME') || examples.has(parameter);
  if (parameterIsPlaceholder) {
    problems.push(
      `--param alarmDefaultChannel=${parameter} is ${examples.has(parameter) ? `a made-up id from ${examples.get(parameter)}` : 'a placeholder'}: give the id of the channel alarms go to.`,
    );
  }
  for (const f of placeholders(routesText, examples)) {
    // The shipped `defaultChannel: C0CHANGEME` is fine when the deploy names the channel: the parameter wins.
    const isDefaultLine = /^\s*defaultChannel\s*:/.test(routesText.split('\n')[f.line - 1] ?? '');
    if (isDefaultLine && parameter && !parameterIsPlaceholder) continue;
    const fix = isDefaultLine
      ? 'deploy with --param="alarmDefaultChannel=C…" or put the channel id here.'
      : `put ${WHAT[f.id[0] ?? ''] ?? 'your own id'} here.`;
    problems.push(`${ALARM_ROUTES_FILE}:${f.line}: ${f.id} ${f.why}: ${fix}`);
  }

  const parsed = parse(routesText) as { defaultChannel?: unknown; routes?: unknown } | null;
  if (!parameter && !parsed?.defaultChannel) {
    problems.push(
      `${ALARM_ROUTES_FILE}: no default channel, so unrouted alarms would have nowhere to go: deploy with --param="alarmDefaultChannel=C…" or set defaultChannel in the file.`,
    );
  }

  // A route's "Logs around this time" button queries its log groups; outside the allowlist it would always be refused.
  const allowed = parseAllowlist(inputs.logGroupsAllowed);
  const routes = parsed?.routes;
  for (const route of Array.isArray(routes) ? routes : []) {
    const raw = (route as { logGroups?: unknown }).logGroups;
    for (const group of typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : []) {
      if (typeof group !== 'string' || isRequestAllowed(group, allowed)) continue;
      problems.push(
        `${ALARM_ROUTES_FILE}:${firstLine(routesText, group)}: logGroups ${group} is not inside logGroupsAllowed ` +
          `(${allowed.length ? allowed.join(',') : 'none'}): add it to --param="logGroupsAllowed=…" or drop it from the route.`,
      );
    }
  }
  return problems;
}

/**
 * The policy's `limits` against the deployment's parameters: an account or Region they do not have
 * would stop the slack function at every cold start, so the deploy refuses it first.
 */
function policyLimitProblems(inputs: DeployInputs, text: string): string[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    return []; // The bundle reports a file that is not YAML, with its own message.
  }
  const { policy } = validateAccessPolicy(raw);
  if (!policy?.limits) return [];
  try {
    const reach = {
      regionsAllowed: parseRegionsAllowed(inputs.regionsAllowed, inputs.region || 'us-east-1'),
      accounts: parseAccounts(inputs.accounts),
    };
    return limitProblems(policy, reach).map(
      (p) =>
        `${ACCESS_POLICY_FILE}: ${p}: add it to --param="accounts=…" / --param="regionsAllowed=…" or drop it from the limit.`,
    );
  } catch (error) {
    if (error instanceof ConfigError) return [`--param: ${error.message}`];
    throw error;
  }
}

/** Reads the files from the service directory and throws one error listing every problem. */
export function assertDeployable(inputs: DeployInputs, root = process.cwd()): void {
  const problems = checkDeploy(inputs, (file) => readFileSync(join(root, file), 'utf8'));
  if (problems.length > 0) throw new DeployCheckError(problems);
}
