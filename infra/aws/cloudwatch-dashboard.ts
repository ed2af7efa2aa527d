import { type CloudWatchClient, GetDashboardCommand } from '@aws-sdk/client-cloudwatch';
import { DashboardNotFoundError } from '../../handlers/port-errors.ts';
import type { CallOptions, DashboardDefinition, DashboardPort } from '../../handlers/ports.ts';
import { translateAwsError } from './aws-errors.ts';

/** GetDashboard's "the named resource does not exist" (404), and the SDK's other spelling of it. */
const NOT_FOUND = new Set(['ResourceNotFound', 'DashboardNotFoundError', 'ResourceNotFoundException']);

/**
 * The {@link DashboardPort} backed by GetDashboard (DashboardArn, DashboardBody, DashboardName:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetDashboard.html).
 */
export function createCloudWatchDashboard(client: CloudWatchClient): DashboardPort {
  return {
    async getDashboard(name, options: CallOptions = {}): Promise<DashboardDefinition> {
      try {
        const out = await client.send(new GetDashboardCommand({ DashboardName: name }), {
          abortSignal: options.signal,
        });
        return { name: out.DashboardName ?? name, body: out.DashboardBody ?? '' };
      } catch (error) {
        throw await translateAwsError(error, {
          service: 'CloudWatch',
          client,
          accessDenied: "The bot's AWS role may not read dashboards (cloudwatch:GetDashboard).",
          request: 'the dashboard name',
          specific: (e) => (NOT_FOUND.has(e.name) ? new DashboardNotFoundError(name, { cause: e }) : undefined),
        });
      }
    },
  };
}
