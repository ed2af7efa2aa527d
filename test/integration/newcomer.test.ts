import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnShell } from '../fixtures/spawn-shell.ts';

/**
 * A new user's first minutes, typed into `npm start` line by line: each line is typed once the
 * shell has echoed the one before, and the screen is read back per line. The machine is a
 * typical laptop: AWS credentials in ~/.aws, no AWS_REGION, no DATA_SOURCE.
 */
const LINES = [
  '/cw help',
  '/cw metrics rds cpu orders-db',
  '/cw metircs ec2 cpu',
  '/cw logs query /aws/lambda/checkout-api --since 3h filter @message like /timed out/ | limit 5',
  '/alarm fire',
  '/dbadvice where should we keep user sessions?',
  '/dbadvice 사용자 세션은 어디에 저장하면 좋을까요?',
  'hello',
] as const;

type Line = (typeof LINES)[number];

/** Never on a newcomer's screen, whatever they type. */
const NEVER = [
  /\n\s+at [\w.<>]+ \(/, // a stack frame
  /\bat [^\s]+\.(ts|js|mjs|cjs):\d+/,
  /Something went wrong/i,
  /AWS_REGION is not set/,
  /\[error\]/,
  /The bot answered HTTP/,
  /\bundefined\b|\bNaN\b|\[object Object\]/,
];

function laptopHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'cw-newcomer-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(
    join(home, '.aws', 'credentials'),
    '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
  );
  return home;
}

/** Types each line after the shell has echoed the previous one; returns the banner and each line's screen. */
function typeInto(
  lines: readonly string[],
): Promise<{ code: number | null; banner: string; screens: Map<string, string> }> {
  const env: Record<string, string | undefined> = { ...process.env, HOME: laptopHome(), NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('AWS_') || name === 'DATA_SOURCE') delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['infra/local/shell.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let next = 0;
    const typeNext = () => {
      const line = lines[next];
      if (line === undefined) {
        child.stdin.end();
        return;
      }
      next += 1;
      child.stdin.write(`${line}\n`);
    };
    const onOutput = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      // The shell echoes a line when it starts on it: then the person types the next one.
      const typed = lines[next - 1];
      if (typed !== undefined && out.includes(`> ${typed}\n`)) typeNext();
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', reject);
    child.on('close', (code) => {
      const screens = new Map<string, string>();
      const starts = lines.map((line) => out.indexOf(`> ${line}\n`));
      lines.forEach((line, i) => {
        const start = starts[i] ?? -1;
        const end = starts[i + 1] ?? out.length;
        screens.set(line, start < 0 ? '' : out.slice(start + line.length + 3, end < 0 ? out.length : end));
      });
      resolve({ code, banner: out.slice(0, Math.max(0, starts[0] ?? 0)), screens });
    });
    // The first line is typed once the shell is up and has said which data source it uses.
    child.stdout.once('data', typeNext);
  });
}

let session: Awaited<ReturnType<typeof typeInto>>;
const screen = (line: Line) => session.screens.get(line) ?? '';

beforeAll(async () => {
  session = await typeInto(LINES);
}, 60_000);

describe('a newcomer at npm start (spawned shell, typed into line by line)', () => {
  it('starts on the demo on a laptop with ~/.aws/credentials and no AWS_REGION, and says so', () => {
    expect(session.code).toBe(0);
    expect(session.banner).toContain('data source: demo');
    expect(session.banner).toContain('region us-east-1');
    expect(session.banner).toContain('npm start -- --aws');
  });

  it.each(LINES)('gets a real answer to %s: no stack trace, no internal error, no configuration failure', (line) => {
    const seen = screen(line);
    expect(seen.trim().length, `nothing shown for ${line}`).toBeGreaterThan(20);
    for (const bad of NEVER) expect(seen, `${line} showed ${bad}`).not.toMatch(bad);
  });

  it('/cw help lists the commands and the demo resources', () => {
    expect(screen('/cw help')).toContain('/cw metrics');
    expect(screen('/cw help')).toContain('/cw logs query');
    expect(screen('/cw help')).toContain('Demo data');
  });

  it('a metric answers with its numbers, sparkline and console link', () => {
    const seen = screen('/cw metrics rds cpu orders-db');
    expect(seen).toContain('📈 CPUUtilization · AWS/RDS');
    expect(seen).toMatch(/Latest \(\d\d:\d\d UTC\)/);
    expect(seen).toMatch(/\d+\.\d%/);
    expect(seen).toMatch(/[▁▂▃▄▅▆▇█]{10,}/);
    expect(seen).toContain('https://us-east-1.console.aws.amazon.com/cloudwatch/');
  });

  it('a typo gets a friendly message naming what was typed (no crash, no generic failure)', () => {
    const seen = screen('/cw metircs ec2 cpu');
    expect(seen).toContain('metircs');
    expect(seen).toMatch(/Did you mean `?\/cw metrics`?\?/);
    // One usage line, not the whole usage block.
    expect(seen.split('\n').filter((l) => l.startsWith('/cw ')).length).toBeLessThanOrEqual(1);
  });

  it('a logs query returns rows that match the filter, with the statistics', () => {
    const seen = screen(
      '/cw logs query /aws/lambda/checkout-api --since 3h filter @message like /timed out/ | limit 5',
    );
    // A row starts with its time (with the date when the window crosses a day).
    const rows = seen.split('\n').filter((l) => /^((\d{4}-)?\d\d-\d\d )?\d\d:\d\d:\d\d/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) expect(row).toMatch(/timed out/);
    // One group queried: the table does not repeat it in an @log column.
    expect(seen).not.toContain('@log ');
    expect(seen).toMatch(/@timestamp UTC .*@message/);
    expect(seen).toMatch(/records matched · .* scanned/);
  });

  it('/alarm fire previews the notification through the relay', () => {
    const seen = screen('/alarm fire');
    expect(seen).toContain('🔴 ALARM: orders-db-cpu-high');
    // The comparison and the unit survive from CloudWatch's reason.
    expect(seen).toMatch(/CPUUtilization was [\d.]+%, .*: greater than the threshold 80%/);
  });

  it('/dbadvice answers in the language it was asked in', () => {
    const english = screen('/dbadvice where should we keep user sessions?');
    expect(english).toMatch(/💡 Amazon \w+/);
    expect(english).toContain('Why');
    const korean = screen('/dbadvice 사용자 세션은 어디에 저장하면 좋을까요?');
    expect(korean).toMatch(/💡 Amazon \w+/);
    expect(korean).toContain('이유');
    // Sources are AWS's own documentation pages, in the answer's language.
    expect(english).toMatch(/https:\/\/docs\.aws\.amazon\.com\/(?!ko_kr)[\w/.-]+\.html/);
    expect(korean).toMatch(/https:\/\/docs\.aws\.amazon\.com\/ko_kr\/[\w/.-]+\.html/);
  });

  it('hello gets a hint that the shell takes slash commands, pointing at /cw help', () => {
    const seen = screen('hello');
    expect(seen).toMatch(/slash commands/);
    expect(seen).toContain('/cw help');
    expect(seen).not.toMatch(/Usage/);
  });
});

describe('npm start -- --aws (spawned, nothing typed: no AWS call is made)', () => {
  function start(args: string[], extra: Record<string, string>, config?: string) {
    const home = laptopHome();
    if (config) writeFileSync(join(home, '.aws', 'config'), config);
    const env: Record<string, string | undefined> = { ...process.env, HOME: home, NO_COLOR: '1', ...extra };
    for (const name of Object.keys(env))
      if ((name.startsWith('AWS_') || name === 'DATA_SOURCE') && !(name in extra)) delete env[name];
    return spawnShell({ args, env });
  }

  it('uses the region of the profile in ~/.aws/config and says where it came from', async () => {
    const { code, out } = await start(
      ['--aws'],
      { AWS_PROFILE: 'oncall' },
      '[profile oncall]\nregion = ap-northeast-2\n',
    );
    expect(code).toBe(0);
    expect(out).toContain(
      'data source: aws (your AWS account) · region ap-northeast-2 (from profile oncall in ~/.aws/config)',
    );
  });

  it('stops with what to set when no region resolves, never "AWS_REGION is not set" alone', async () => {
    const { code, out } = await start([], { DATA_SOURCE: 'aws' });
    expect(code).toBe(1);
    expect(out).toMatch(/^Configuration: the aws data source needs a region and none was found\. Set AWS_REGION/);
    expect(out).toContain('~/.aws/config');
    expect(out).not.toMatch(/\n\s+at /);
  });
});
