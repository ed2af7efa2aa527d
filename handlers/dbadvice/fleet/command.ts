import { defineCommand } from '../../command.ts';
import { workingMessage } from '../../working-message.ts';
import { assertDbadviceFlags, DBADVICE_SUBCOMMAND_USAGE } from '../subcommand.ts';
import { reviewFleet } from './fleet-review.ts';
import { renderFleetReview } from './render-fleet.ts';

/** `/dbadvice fleet`: the account's RDS databases reviewed against a week of their metrics. */
export const fleetCommand = defineCommand({
  path: ['/dbadvice', 'fleet'],
  aliases: { fleet: ['플릿'] },
  // "fleet management telemetry…" is a question: `fleet` is the command only on its own.
  alone: true,
  summary: "reviews the account's RDS fleet (7 days of CloudWatch metrics)",
  usage: DBADVICE_SUBCOMMAND_USAGE,
  examples: ['/dbadvice fleet'],
  needs: ['fleet', 'metrics'],
  // Seven days of metrics for a whole fleet is never worth starting inside the 3-second ack.
  ack: false,
  plan(request) {
    assertDbadviceFlags(request.flags);
    const visibility = request.share ? 'in_channel' : 'ephemeral';
    return {
      kind: 'work',
      mayAnswerInAck: false,
      working: workingMessage(request.share, 'Reviewing the RDS fleet (7 days of CloudWatch metrics)…'),
      run: async (deps, context) => {
        const message = renderFleetReview(await reviewFleet(deps, context?.signal));
        return { ...message, response_type: visibility };
      },
    };
  },
});
