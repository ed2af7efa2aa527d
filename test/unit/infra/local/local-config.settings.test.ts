import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../infra/config.ts';
import { loadLocalConfig, localSettings } from '../../../../infra/local/local-config.ts';

const noRegion = async () => undefined;

describe('infra/local/local-config: the local-only settings', () => {
  it('listens on PORT, 3000 when unset or empty', () => {
    expect(localSettings({ PORT: '8080' }).port).toBe(8080);
    expect(localSettings({}).port).toBe(3000);
    expect(localSettings({ PORT: '' }).port).toBe(3000);
  });

  it.each(['0', '65536', 'http', '80.5', '-1'])('refuses PORT=%s with what it must be', (port) => {
    expect(() => localSettings({ PORT: port })).toThrow(
      new ConfigError(`PORT must be a whole number from 1 to 65535, not "${port}"`),
    );
  });

  it('turns colours off for NO_COLOR set to anything but empty (no-color.org)', () => {
    expect(localSettings({}).color).toBe(true);
    expect(localSettings({ NO_COLOR: '' }).color).toBe(true);
    expect(localSettings({ NO_COLOR: '1' }).color).toBe(false);
    expect(localSettings({ NO_COLOR: 'false' }).color).toBe(false);
  });

  it('comes with the configuration, for the demo and for AWS alike', async () => {
    const demo = await loadLocalConfig([], { HOME: '/nonexistent', PORT: '4000', NO_COLOR: '1' }, noRegion);
    expect(demo).toMatchObject({ port: 4000, color: false });
    const aws = await loadLocalConfig(['--aws'], { HOME: '/nonexistent', AWS_REGION: 'eu-west-1' }, noRegion);
    expect(aws).toMatchObject({ port: 3000, color: true });
  });
});
