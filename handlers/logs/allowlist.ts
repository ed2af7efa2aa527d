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

/** The groups the allowlist refuses, in the order asked. */
export function refusedGroups(groups: readonly string[], patterns: readonly string[]): string[] {
  return groups.filter((g) => !isAllowed(g, patterns));
}
