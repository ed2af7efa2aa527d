import { describe, expect, it } from 'vitest';
import { validateAccessPolicy } from '../../../handlers/access-policy.ts';
import { alarmRoutingSchema } from '../../../handlers/alarm-relay/routes.ts';
import { parseAllowlist, refusedGroups } from '../../../handlers/cw/logs/allowlist.ts';
import { accessPolicySchema } from '../../../infra/access-policy.ts';
import { ALARM_ROUTES_FILE } from '../../../infra/build/deploy-check.ts';
import { ConfigError } from '../../../infra/config.ts';
import { configFormat, loadConfigFile, readConfigDocument } from '../../../infra/config-file.ts';

const from = (text: string) => ({ read: () => text });

describe('infra/config-file', () => {
  it.each([
    ['routes.json', '{}', 'json'],
    ['routes.yml', '{}', 'yaml'],
    ['routes.YAML', 'routes: []', 'yaml'],
    ['routes.conf', '  {"routes": []}', 'json'],
    ['routes.conf', '[1]', 'json'],
    ['routes', 'routes: []', 'yaml'],
  ] as const)('reads %s (%j) as %s', (file, text, format) => {
    expect(configFormat(file, text)).toBe(format);
  });

  it('reads YAML and JSON of the same content alike', async () => {
    // Prepare
    const yaml =
      'defaultChannel: C0DEFAULT01\nroutes:\n  - name: db\n    match: { namespace: AWS/RDS }\n    channel: C0DATABASE1\n';
    const json = JSON.stringify({
      defaultChannel: 'C0DEFAULT01',
      routes: [{ name: 'db', match: { namespace: 'AWS/RDS' }, channel: 'C0DATABASE1' }],
    });

    // Act
    const fromYaml = await loadConfigFile('a.yml', alarmRoutingSchema(), from(yaml));
    const fromJson = await loadConfigFile('a.json', alarmRoutingSchema(), from(json));

    // Assess
    expect(fromJson).toEqual(fromYaml);
    expect(fromYaml.routes[0]).toEqual({
      name: 'db',
      match: { namespace: ['AWS/RDS'] },
      channel: 'C0DATABASE1',
      mention: undefined,
      logGroups: [],
    });
  });

  it('lists every problem of a file in one ConfigError that names it', async () => {
    // Act
    const load = loadConfigFile(
      'bad-routes.yml',
      alarmRoutingSchema(),
      from('colour: blue\nroutes:\n  - name: a\n    channel: nope\n'),
    );

    // Assess
    await expect(load).rejects.toThrow(ConfigError);
    await expect(load).rejects.toThrow(
      /^bad-routes.yml is not a valid alarm routing file:\n- colour is not a top-level field[^\n]*\n- no default channel[^\n]*\n- routes\[0\]\.channel must be[^\n]*\n- routes\[0\]\.match must name/,
    );
  });

  it.each([
    ['broken.yml', 'routes: [\n', /^broken.yml could not be read as YAML: /],
    ['broken.json', '{"routes": [', /^broken.json could not be read as JSON: /],
  ])('names the file and the format when %s cannot be parsed', async (file, text, message) => {
    const load = loadConfigFile(file, alarmRoutingSchema('C0DEFAULT01'), from(text));
    await expect(load).rejects.toThrow(ConfigError);
    await expect(load).rejects.toThrow(message);
  });

  it('says which file is missing', async () => {
    await expect(readConfigDocument('infra/no-such-routes.yml')).rejects.toThrow(
      /^infra\/no-such-routes.yml could not be read: ENOENT/,
    );
  });

  it('takes a schema’s problems as they are, and the access policy’s too', async () => {
    // Prepare
    const { problems } = validateAccessPolicy({ workspaces: [], rules: [] });

    // Act
    const load = loadConfigFile('policy.json', accessPolicySchema, from('{"workspaces": [], "rules": []}'));

    // Assess
    await expect(load).rejects.toThrow(`policy.json is not a valid access policy:\n- ${problems.join('\n- ')}`);
  });

  describe('the repository’s own routing files', () => {
    it('validates the shipped routes: every alarm goes to the default channel', async () => {
      // This is the build-time check: a bad edit to infra/alarm-routes.yml fails `npm test`.
      const routing = await loadConfigFile(ALARM_ROUTES_FILE, alarmRoutingSchema('C0DEPLOYED1'));
      expect(routing).toEqual({ defaultChannel: 'C0DEPLOYED1', routes: [] });
    });

    it('validates the example routes, whose log groups lie inside the allowlist the example names', async () => {
      const routing = await loadConfigFile('infra/alarm-routes.example.yml', alarmRoutingSchema());
      expect(routing.routes.map((r) => r.name)).toEqual(['checkout', 'databases', 'production-account']);
      const allowed = parseAllowlist('/aws/lambda/checkout-*,/ecs/public-web');
      expect(routing.routes.flatMap((r) => refusedGroups(r.logGroups, allowed))).toEqual([]);
    });

    it('lets ALARM_DEFAULT_CHANNEL override the file’s default', async () => {
      const routing = await loadConfigFile(ALARM_ROUTES_FILE, alarmRoutingSchema('C0OVERRIDE1'));
      expect(routing.defaultChannel).toBe('C0OVERRIDE1');
    });
  });
});
