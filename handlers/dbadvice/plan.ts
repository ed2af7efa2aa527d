import { advise, defaultKnowledgeBase, type KnowledgeBase, questionLang } from '../../knowledge/index.ts';
import { decodeSlackText } from '../command-text.ts';
import type { CommandDeps, CommandPlan } from '../commands.ts';
import { UserInputError } from '../errors.ts';
import { type FleetDeps, reviewFleet } from './fleet-review.ts';
import { renderAbstention, renderAdvice } from './render-advice.ts';
import { renderFleetReview } from './render-fleet.ts';
import { DBADVICE_USAGE, renderCompare, renderDbAdviceHelp, renderDbAdviceList } from './render-reference.ts';

/** What planning needs: the knowledge base (the shipped one unless a test passes its own). */
export interface DbAdviceDeps {
  kb?: KnowledgeBase;
}

function fleetDeps(deps: CommandDeps): FleetDeps {
  return { fleet: deps.fleet, metrics: deps.metrics, region: deps.region, now: deps.now };
}

const COMPARE_FILLER = new Set(['vs', 'vs.', 'and', 'or', 'versus', '와', '과', '랑', '비교']);

/**
 * `/dbadvice …`: help, list, compare and questions answer in the ack (retrieval takes well under a
 * millisecond); `fleet` reads RDS and CloudWatch, so it is planned as work.
 */
export function planDbAdvice(text: string, deps: DbAdviceDeps = {}): CommandPlan {
  const kb = deps.kb ?? defaultKnowledgeBase();
  const decoded = decodeSlackText(text).trim();
  const share = /(^|\s)--share(\s|$)/.test(decoded);
  const body = decoded.replace(/(^|\s)--share(?=\s|$)/g, ' ').trim();
  const [first = '', ...rest] = body.split(/\s+/);
  const visibility = share ? 'in_channel' : 'ephemeral';
  switch (first.toLowerCase()) {
    case '':
    case 'help':
    case '도움말':
      return { kind: 'reply', message: renderDbAdviceHelp() };
    case 'list':
    case '목록':
      return { kind: 'reply', message: { ...renderDbAdviceList(kb), response_type: visibility } };
    case 'compare':
    case '비교': {
      const names = rest.filter((word) => !COMPARE_FILLER.has(word.toLowerCase()));
      if (names.length !== 2) {
        throw new UserInputError('`compare` takes exactly two services.', DBADVICE_USAGE);
      }
      const [a, b] = names.map((name) => {
        const service = kb.findService(name);
        if (!service) {
          throw new UserInputError(
            `I have no note on \`${name}\`. Known services: ${kb.services.map((s) => s.id).join(', ')}.`,
            DBADVICE_USAGE,
          );
        }
        return service;
      });
      if (!a || !b) throw new UserInputError('`compare` takes exactly two services.', DBADVICE_USAGE);
      return { kind: 'reply', message: { ...renderCompare(a, b, questionLang(body)), response_type: visibility } };
    }
    case 'fleet':
    case '플릿':
      return {
        kind: 'work',
        // Seven days of metrics for a whole fleet is never worth starting inside the 3-second ack.
        workerOnly: true,
        working: {
          response_type: visibility,
          text: ':hourglass_flowing_sand: Reviewing the RDS fleet (7 days of CloudWatch metrics)…',
        },
        run: async (runDeps, signal) => {
          const message = renderFleetReview(await reviewFleet(fleetDeps(runDeps), signal));
          return { ...message, response_type: visibility };
        },
      };
    default: {
      const advice = advise(kb, body);
      return {
        kind: 'reply',
        message: advice.kind === 'answer' ? renderAdvice(advice, share) : renderAbstention(advice),
      };
    }
  }
}
