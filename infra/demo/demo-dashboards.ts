import type { DashboardSummary, DashboardsPort } from '../../handlers/ports.ts';

/** The demo's dashboards: one per demo service, modified a fixed time before `now`. */
const DEMO_DASHBOARDS: readonly { name: string; modifiedAgoMs: number; sizeBytes: number }[] = [
  { name: 'prod-checkout-api', modifiedAgoMs: 3 * 3_600_000, sizeBytes: 4_812 },
  { name: 'prod-orders-db', modifiedAgoMs: 9 * 86_400_000, sizeBytes: 2_306 },
];

/** A {@link DashboardsPort} over the demo's two dashboards, filtered by prefix as ListDashboards does. */
export function createDemoDashboards(options: { now?: () => Date } = {}): DashboardsPort {
  const now = options.now ?? (() => new Date());
  return {
    async listDashboards(query): Promise<DashboardSummary[]> {
      const at = now().getTime();
      return DEMO_DASHBOARDS.filter((d) => !query.namePrefix || d.name.startsWith(query.namePrefix)).map((d) => ({
        name: d.name,
        lastModified: new Date(at - d.modifiedAgoMs),
        sizeBytes: d.sizeBytes,
      }));
    },
  };
}
