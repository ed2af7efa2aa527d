import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlarmRoutesError } from '../../../handlers/alarm-relay/routes.ts';
import { loadRouting } from '../../../infra/alarm-routes-file.ts';

/** The JSON `npm run bundle` ships beside the relay (infra/build/bundle.ts), written to a temporary folder. */
function shipped(routing: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cw-routes-')), 'alarm-routes.json');
  writeFileSync(file, JSON.stringify(routing));
  return file;
}

describe('infra/alarm-routes-file', () => {
  it('reads the shipped JSON without the YAML reader, the default channel given at deploy winning', async () => {
    // Prepare
    const file = shipped({ defaultChannel: 'C0CHANGEME', routes: [] });

    // Act
    const routing = await loadRouting(file, 'C0DEPLOYED1');

    // Assess
    expect(routing.defaultChannel).toBe('C0DEPLOYED1');
    expect(routing.routes).toEqual([]);
  });

  it('checks the JSON as it checks the YAML, naming the file', async () => {
    const file = shipped({ routes: 'everything' });
    await expect(loadRouting(file)).rejects.toBeInstanceOf(AlarmRoutesError);
    await expect(loadRouting(file)).rejects.toThrow(file);
  });

  it('reads a YAML file (local runs) through the YAML reader', async () => {
    const routing = await loadRouting('infra/alarm-routes.yml', 'C0LOCAL0001');
    expect(routing.defaultChannel).toBe('C0LOCAL0001');
  });
});
