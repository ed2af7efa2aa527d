import { closestWords } from '../../suggest-word.ts';

/**
 * Which log groups `/cw logs` may read: exact names, or prefixes ending in `*`
 * (`/aws/lambda/checkout-*`). A lone `*` allows every group and must be written on purpose.
 */
export function parseAllowlist(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function isAllowed(group: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? group.startsWith(p.slice(0, -1)) : group === p));
}

/**
 * Whether a requested name or `prefix*` is allowed: a prefix only when an allowed prefix covers
 * every group it could match (`/aws/lambda/checkout-*` under `/aws/lambda/*`).
 */
export function isRequestAllowed(requested: string, patterns: readonly string[]): boolean {
  if (!requested.endsWith('*')) return isAllowed(requested, patterns);
  const prefix = requested.slice(0, -1);
  return patterns.some((p) => p.endsWith('*') && prefix.startsWith(p.slice(0, -1)));
}

/** The requested groups or prefixes the allowlist refuses, in the order asked. */
export function refusedGroups(groups: readonly string[], patterns: readonly string[]): string[] {
  return groups.filter((g) => !isRequestAllowed(g, patterns));
}

/**
 * The allowed name a refused one was probably meant as: `aws/lambda/x` with its leading slash lost
 * (every log group name AWS creates starts with one) when `/aws/lambda/x` is allowed, or an allowed
 * exact name a typo away.
 */
export function meantGroup(refused: string, patterns: readonly string[]): string | undefined {
  if (!refused.startsWith('/') && isRequestAllowed(`/${refused}`, patterns)) return `/${refused}`;
  const exact = patterns.filter((p) => !p.endsWith('*'));
  const [close] = closestWords(refused, exact);
  return close;
}
