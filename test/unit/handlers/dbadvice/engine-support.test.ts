import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  majorVersion,
  SUPPORT_ENDS,
  supportEndFor,
  supportStatus,
} from '../../../../handlers/dbadvice/engine-support.ts';
import { type FleetDatabase, findingsFor } from '../../../../handlers/dbadvice/fleet/fleet-findings.ts';

function database(engine: string, engineVersion: string): FleetDatabase {
  return {
    kind: 'instance',
    id: 'legacy-db',
    engine,
    engineVersion,
    instanceClasses: ['db.r6g.large'],
    multiAz: true,
    storageEncrypted: true,
    publiclyAccessible: false,
    storageType: 'gp3',
    readReplicaIds: [],
    tags: {},
    dimension: 'DBInstanceIdentifier',
  };
}

const at = (iso: string) => new Date(iso);

describe('handlers/dbadvice/engine-support', () => {
  it.each([
    ['mysql', '5.7.44', '5.7'],
    ['mysql', '8.0.35', '8.0'],
    ['postgres', '12.22', '12'],
    ['postgres', '16.3', '16'],
    ['aurora-mysql', '5.7.mysql_aurora.2.11.2', '5.7'],
    ['aurora-mysql', '8.0.mysql_aurora.3.05.2', '8.0'],
    ['aurora-postgresql', '11.21', '11'],
  ])('reads the major version of %s %s', (engine, version, major) => {
    expect(majorVersion(engine, version)).toBe(major);
  });

  it('never throws on an engine version it has not seen', () => {
    fc.assert(
      fc.property(fc.constantFrom('mysql', 'postgres', 'aurora-mysql', 'oracle-ee', ''), fc.string(), (engine, v) => {
        expect(() => supportEndFor(engine, v)).not.toThrow();
      }),
    );
  });

  it('cites an AWS page for every date', () => {
    for (const end of SUPPORT_ENDS) {
      expect(end.source).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      expect(end.endOfStandardSupport).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each([
    ['2024-03-01T00:00:00Z', 1, 0.1],
    ['2026-02-28T23:00:00Z', 2, 0.1],
    ['2026-03-01T00:00:00Z', 3, 0.2],
    ['2030-01-01T00:00:00Z', 3, 0.2],
  ])('counts the Extended Support year of RDS for MySQL 5.7 on %s', (now, year, rate) => {
    // Prepare
    const end = supportEndFor('mysql', '5.7.44');
    if (!end) throw new Error('MySQL 5.7 is in the table');

    // Act
    const status = supportStatus(end, at(now));

    // Assess
    expect(status).toMatchObject({ past: true, year, rate });
  });

  it('keeps Aurora MySQL version 2 at the year-1 rate in its third year', () => {
    const end = supportEndFor('aurora-mysql', '5.7.mysql_aurora.2.12.4');
    if (!end) throw new Error('Aurora MySQL 2 is in the table');
    expect(supportStatus(end, at('2027-12-01T00:00:00Z'))).toMatchObject({ year: 3, rate: 0.1 });
  });

  it('finds MySQL 5.7 past its end of standard support, with the date, the charge and where it is stated', () => {
    // Act
    const [finding] = findingsFor(database('mysql', '5.7.44'), undefined, 7, at('2026-12-02T06:00:00Z')).filter(
      (f) => f.id === 'extended-support',
    );

    // Assess
    expect(finding?.severity).toBe('high');
    expect(finding?.measured).toMatch(/RDS for MySQL 5\.7 \(5\.7\.44\): RDS standard support ended on 2024-02-29/);
    expect(finding?.measured).toMatch(/year 3, about \$0\.20 per vCPU-hour/);
    expect(finding?.advice).toMatch(/\$0\.10 per vCPU-hour in years 1–2 and \$0\.20 in year 3/);
    expect(finding?.advice).toMatch(/check your Region's price/);
    expect(finding?.advice).toMatch(/Upgrade to MySQL 8\.4/);
    expect(finding?.sources).toEqual([
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html',
      'https://aws.amazon.com/rds/mysql/pricing/',
    ]);
  });

  it.each([
    ['postgres', '11.22', '2024-02-29'],
    ['postgres', '12.19', '2025-02-28'],
    ['aurora-mysql', '5.7.mysql_aurora.2.11.2', '2024-10-31'],
    ['aurora-postgresql', '12.9', '2025-02-28'],
  ])('finds %s %s past standard support (ended %s)', (engine, version, date) => {
    const findings = findingsFor(database(engine, version), undefined, 7, at('2026-01-15T00:00:00Z'));
    expect(findings.find((f) => f.id === 'extended-support')?.measured).toContain(`ended on ${date}`);
  });

  it('warns ahead of an end of standard support, and says nothing for a version well inside it', () => {
    // MySQL 8.0's standard support ended on 2026-07-31: in March it is four months away.
    const soon = findingsFor(database('mysql', '8.0.36'), undefined, 7, at('2026-03-31T00:00:00Z'));
    expect(soon.find((f) => f.id === 'standard-support-ending')?.measured).toMatch(/ends on 2026-07-31, in 123 days/);
    const early = findingsFor(database('mysql', '8.0.36'), undefined, 7, at('2025-06-01T00:00:00Z'));
    expect(early.map((f) => f.id)).not.toContain('standard-support-ending');
    const current = findingsFor(database('postgres', '16.3'), undefined, 7, at('2026-12-02T00:00:00Z'));
    expect(current.map((f) => f.id)).not.toContain('extended-support');
  });
});
