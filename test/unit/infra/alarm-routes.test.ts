import { describe, expect, it } from 'vitest';
import { AlarmRoutesError } from '../../../handlers/alarm-relay/routes.ts';
import { parseAllowlist, refusedGroups } from '../../../handlers/cw/logs/allowlist.ts';
import { DEFAULT_ROUTES_FILE, loadAlarmRoutes, parseAlarmRoutes } from '../../../infra/alarm-routes.ts';

describe('infra/alarm-routes', () => {
  it('validates the routing file in the repository: as shipped, every alarm goes to the default channel', () => {
    // This is the build-time check: a bad edit to infra/alarm-routes.yml fails `npm test`.
    const routing = loadAlarmRoutes(DEFAULT_ROUTES_FILE, 'C0DEPLOYED1');
    expect(routing).toEqual({ defaultChannel: 'C0DEPLOYED1', routes: [] });
  });

  it('validates the example routes, whose log groups lie inside the allowlist the example names', () => {
    const routing = loadAlarmRoutes('infra/alarm-routes.example.yml');
    expect(routing.routes.map((r) => r.name)).toEqual(['checkout', 'databases', 'production-account']);
    const allowed = parseAllowlist('/aws/lambda/checkout-*,/ecs/public-web');
    expect(routing.routes.flatMap((r) => refusedGroups(r.logGroups, allowed))).toEqual([]);
  });

  it('lets ALARM_DEFAULT_CHANNEL override the file’s default', () => {
    expect(loadAlarmRoutes(DEFAULT_ROUTES_FILE, 'C0OVERRIDE1').defaultChannel).toBe('C0OVERRIDE1');
  });

  it('reads YAML lists and scalars alike', () => {
    const routing = parseAlarmRoutes(
      `defaultChannel: C0DEFAULT01
routes:
  - name: db
    match: { namespace: AWS/RDS, account: '123456789012' }
    channel: C0DATABASE1
    logGroups: /aws/rds/instance/orders/error
`,
      'inline.yml',
    );
    expect(routing.routes[0]).toEqual({
      name: 'db',
      match: { namespace: ['AWS/RDS'], account: ['123456789012'] },
      channel: 'C0DATABASE1',
      mention: undefined,
      logGroups: ['/aws/rds/instance/orders/error'],
    });
  });

  it('names the file and the problem when the YAML is broken or wrong', () => {
    expect(() => parseAlarmRoutes('routes: [\n', 'broken.yml', 'C0DEFAULT01')).toThrow(
      /broken.yml is not valid:\n {2}- not valid YAML/,
    );
    expect(() => parseAlarmRoutes('routes:\n  - name: a\n    channel: C0DEFAULT01\n', 'x.yml', 'C0DEFAULT01')).toThrow(
      AlarmRoutesError,
    );
    expect(() => parseAlarmRoutes('routes:\n  - name: a\n    channel: C0DEFAULT01\n', 'x.yml', 'C0DEFAULT01')).toThrow(
      /x.yml is not valid:\n {2}- routes\[0\]\.match must name at least one/,
    );
  });

  it('says which file is missing', () => {
    expect(() => loadAlarmRoutes('infra/no-such-routes.yml')).toThrow(/no-such-routes.yml/);
  });
});
