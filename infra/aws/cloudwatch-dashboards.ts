import { type CloudWatchClient, paginateListDashboards } from '@aws-sdk/client-cloudwatch';
import type { CallOptions, DashboardSummary, DashboardsPort } from '../../handlers/ports.ts';
import { translateAwsError } from './aws-errors.ts';

/**
 * The {@link DashboardsPort} backed by ListDashboards, every page (up to 1,000 dashboards a page,
 * followed by `NextToken`: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListDashboards.html).
 */
export function createCloudWatchDashboards(client: CloudWatchClient): DashboardsPort {
  return {
    async listDashboards(query, options: CallOptions = {}): Promise<DashboardSummary[]> {
      const dashboards: DashboardSummary[] = [];
      try {
        // The paginator hands its extra arguments to each `client.send`, so every page's request is aborted too.
        const pages = paginateListDashboards(
          { client },
          query.namePrefix ? { DashboardNamePrefix: query.namePrefix } : {},
          { abortSignal: options.signal },
        );
        for await (const page of pages) {
          if (options.signal?.aborted) throw options.signal.reason;
          for (const entry of page.DashboardEntries ?? []) {
            if (!entry.DashboardName) continue;
            dashboards.push({
              name: entry.DashboardName,
              // Absent means unknown, not 1970: the answer says so rather than "20,000 days ago".
              ...(entry.LastModified ? { lastModified: entry.LastModified } : {}),
              sizeBytes: entry.Size ?? 0,
            });
          }
        }
      } catch (error) {
        throw await translateAwsError(error, {
          service: 'CloudWatch',
          client,
          accessDenied: "The bot's AWS role may not list dashboards (cloudwatch:ListDashboards).",
        });
      }
      return dashboards;
    },
  };
}
