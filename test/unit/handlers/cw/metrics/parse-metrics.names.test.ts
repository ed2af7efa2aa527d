import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { errorMessage } from '../../../../../handlers/error-message.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';

const parse = (text: string) => parseMetricsArgs(tokenize(text));

function refusal(text: string): UserInputError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

/**
 * CloudWatch's namespace characters: letters, digits, . - _ / # : (at most 255, not starting with :),
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Namespace
 */
const NAMESPACE_CHARS = 'abcxyzABCXYZ0189._/#:-'.split('');

describe('handlers/cw/metrics/parse-metrics: namespace and metric name characters', () => {
  it.each([
    ['<!everyone> cpu', '`<`'],
    ['<!channel> CPUUtilization', '`<`'],
    ['<@U0123ABCD> Errors', '`<`'],
    ['My&App Orders', '`&`'],
    ['MyApp* Orders', '`*`'],
    ['Orders(prod) Placed', '`(`'],
    ['"My App" Orders', 'a space'],
    ['AWS\\EC2 CPUUtilization', '`\\`'],
  ])('refuses `%s` before any call, saying which character cannot be in a namespace', (text, why) => {
    // Act
    const error = refusal(text);

    // Assess
    expect(error.message).toContain('is neither a shortcut');
    expect(error.message).toContain(`it has ${why}`);
    expect(error.message).toContain('e.g. `AWS/EC2`');
  });

  it('never lets the refused namespace ping anyone when shown', () => {
    // Act
    const message = errorMessage(refusal('<!everyone> cpu'), 'ref');

    // Assess
    const shown = JSON.stringify(message);
    expect(shown).not.toContain('<!everyone>');
    expect(shown).toContain('&lt;!everyone&gt;');
  });

  it('accepts every namespace made of CloudWatch’s characters (not starting with `:`)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NAMESPACE_CHARS), { minLength: 1, maxLength: 255 }), (chars) => {
        fc.pre(chars[0] !== ':' && chars.join('').toLowerCase() !== 'help');
        const namespace = chars.join('');
        const words = tokenize(`${namespace} Orders`);
        fc.pre(words.length === 2 && words[0] === namespace);
        let accepted = true;
        try {
          parseMetricsArgs(words);
        } catch (error) {
          // A typo of an AWS namespace, or a shortcut name, is refused for what it is, not its characters.
          accepted = !(error instanceof UserInputError && /it has|characters long|starts with/.test(error.message));
        }
        return accepted;
      }),
    );
  });

  it('refuses any namespace with a character outside CloudWatch’s, and one starting with `:`', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
        (prefix, bad) => {
          fc.pre(!/[A-Za-z0-9._/#:-]/.test(bad) && !/["'`\s]/.test(bad));
          const safe = prefix.replace(/[^A-Za-z0-9]/g, '') || 'App';
          const error = refusal(`${safe}${bad} Orders`);
          return error.message.includes('nor a CloudWatch namespace');
        },
      ),
    );
    expect(refusal(':MyApp Orders').message).toContain('it starts with `:`');
  });

  it('reads a metric name as printable ASCII, a quoted space included, and refuses others', () => {
    expect(parse('MyApp "Orders Placed"').series[0]?.metricName).toBe('Orders Placed');
    expect(parse('MyApp Orders<Placed>').series[0]?.metricName).toBe('Orders<Placed>');
    expect(refusal('MyApp Ordérs').message).toContain('is not a metric name: those are printable ASCII');
    expect(refusal('MyApp "\u0007bell"').message).toContain('is not a metric name');
  });
});
