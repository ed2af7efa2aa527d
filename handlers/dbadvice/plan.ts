import {
  advise,
  defaultKnowledgeBase,
  detectLanguage,
  type KnowledgeBase,
  type Lang,
  questionLang,
} from '../../knowledge/index.ts';
import { UserInputError } from '../errors.ts';
import type { SlackMessage } from '../slack-message.ts';
import { closestWords } from '../suggest-word.ts';
import { renderAdvice } from './render-advice.ts';
import {
  compareUsage,
  renderCompare,
  renderDbAdviceHelp,
  renderDbAdviceList,
  renderOtherLanguage,
  renderSameService,
} from './render-reference.ts';
import { scanServiceNames } from './service-names.ts';
import { type DbadviceWords, dbadviceCommand, dbadviceWords, FLEET, HELP, LIST } from './subcommand.ts';

type Visibility = 'in_channel' | 'ephemeral';

/** What planning needs: the knowledge base (the shipped one unless a test passes its own). */
export interface DbAdviceDeps {
  kb?: KnowledgeBase;
}

/** `/dbadvice` answers in the ack, so its plan is always a reply. */
type Reply = { kind: 'reply'; message: SlackMessage };

const COMPARE = new Set(['compare', '비교']);
/** `compare` followed by at most this many words, one a service, was meant as the command. */
const MAX_COMPARE_WORDS = 3;

function comparePlan(kb: KnowledgeBase, words: string[], lang: Lang, visibility: Visibility): Reply | undefined {
  const { services, unknown } = scanServiceNames(kb, words);
  const [a, b] = services;
  const ko = lang === 'ko';
  if (a && b && services.length === 2 && unknown.length === 0) {
    const message = a.service.id === b.service.id ? renderSameService(a, b, lang) : renderCompare(a, b, lang);
    return { kind: 'reply', message: { ...message, response_type: visibility } };
  }
  // "compare prices across regions…" is a question; "compare dynamodb" or "compare dynamodb foo" is a
  // compare gone wrong, and says so.
  // "compare foo bar" (two names, neither known) is a compare too: what to compare is named.
  const meant =
    words.length === 0 ||
    (services.length > 0 && services.length + unknown.length <= MAX_COMPARE_WORDS) ||
    (services.length === 0 && unknown.length === 2 && words.length === 2);
  if (!meant) return undefined;
  if (unknown.length > 0) {
    const known = kb.services.map((s) => `\`${s.id}\``).join(', ');
    const names = unknown.map((u) => `\`${u.word}\``).join(ko ? ', ' : ' or ');
    const suggestions = [...new Set(unknown.flatMap((u) => u.suggestions))];
    const meantName = suggestions.length > 0 ? suggestions.map((n) => `\`${n}\``).join(ko ? ', ' : ' or ') : '';
    const guess = meantName ? (ko ? ` 혹시 ${meantName}인가요?` : ` Did you mean ${meantName}?`) : '';
    throw new UserInputError(
      ko
        ? `${names}에 대한 노트가 없어요.${guess} 아는 서비스: ${known}.`
        : `I have no note on ${names}.${guess} Known services: ${known}.`,
      compareUsage(lang),
    );
  }
  throw new UserInputError(
    ko ? '`compare`(비교)에는 서비스 두 개가 필요해요.' : '`compare` takes exactly two services.',
    compareUsage(lang),
  );
}

/**
 * `/dbadvice …`: help, list, compare and questions answer in the ack (retrieval takes well under a
 * millisecond; `fleet` is its own command, in fleet/). `help` and `list` are commands only on their
 * own, and `compare` only with services after it: "list of products…" is a question. Takes the
 * words as the request read them (a text is read here, for tests and the bench).
 */
export function planDbAdvice(input: string | DbadviceWords, deps: DbAdviceDeps = {}): Reply {
  const kb = deps.kb ?? defaultKnowledgeBase();
  const read = typeof input === 'string' ? dbadviceWords(input) : input;
  const { words, share } = read;
  const [first = '', ...rest] = words;
  const body = words.join(' ');
  const command = dbadviceCommand(read);
  const visibility: Visibility = share ? 'in_channel' : 'ephemeral';
  if (command === 'help') {
    return { kind: 'reply', message: renderDbAdviceHelp() };
  }
  if (command === 'list') {
    return { kind: 'reply', message: { ...renderDbAdviceList(kb), response_type: visibility } };
  }
  const language = detectLanguage(body);
  if (language === 'other') return { kind: 'reply', message: renderOtherLanguage() };
  const names = rest.flatMap((word) => word.split(/[,/]+/)).filter((word) => word !== '');
  const isCompare = COMPARE.has(first.toLowerCase());
  if (isCompare) {
    const plan = comparePlan(kb, names, questionLang(body), visibility);
    if (plan) return plan;
  } else if (closestWords(first, ['compare'], 2).length > 0 && names.length > 0 && names.length <= MAX_COMPARE_WORDS) {
    // `comapre dynamodb aurora`: a mistyped compare with services after it is suggested, not asked.
    const { services, unknown } = scanServiceNames(kb, names);
    if (services.length > 0 && services.length + unknown.length <= MAX_COMPARE_WORDS) {
      throw new UserInputError(
        `Did you mean \`/dbadvice compare ${names.join(' ')}\`?`,
        compareUsage(questionLang(body)),
      );
    }
  }
  const advice = advise(kb, body);
  // "dynamodb vs aurora" with nothing to weigh them by: the side-by-side compare answers it.
  if (advice.kind === 'abstain' && advice.compared) {
    const found = advice.compared.map((id) => kb.services.find((s) => s.id === id));
    const [a, b] = found;
    if (a && b) {
      const message = renderCompare({ service: a }, { service: b }, advice.lang);
      return { kind: 'reply', message: { ...message, response_type: visibility } };
    }
  }
  // A subcommand word first with words after it that make no question ("fleet orders-db", "compare a b c",
  // "list extra words") was meant as the subcommand: its usage, not "I need more to go on".
  if (advice.kind === 'abstain' && advice.why !== 'tie' && rest.length > 0 && rest.length <= MAX_COMPARE_WORDS) {
    const lang = questionLang(body);
    const word = first.toLowerCase();
    if (HELP.has(word)) return { kind: 'reply', message: renderDbAdviceHelp() };
    if (isCompare) {
      throw new UserInputError(
        lang === 'ko' ? '`compare`(비교)에는 서비스 두 개가 필요해요.' : '`compare` takes exactly two services.',
        compareUsage(lang),
      );
    }
    const sub = LIST.has(word) ? 'list' : FLEET.has(word) ? 'fleet' : undefined;
    if (sub) {
      throw new UserInputError(
        lang === 'ko' ? `\`${sub}\`에는 인자가 없어요.` : `\`${sub}\` takes no arguments.`,
        [`\`/dbadvice ${sub}\``, `Example: \`/dbadvice ${sub}\``].join('\n'),
      );
    }
  }
  // renderAdvice tells a tie (ask the one deciding question) from a plain abstention; never bypass it.
  return { kind: 'reply', message: renderAdvice(advice, share) };
}
