import type { SlashSpec } from '../command.ts';
import { UserInputError } from '../errors.ts';
import { DBADVICE_SUBCOMMAND_USAGE, dbadviceWords } from './subcommand.ts';

/**
 * `/dbadvice`: its flags are taken out of the question wherever they are, and `--help` anywhere (or
 * nothing typed) is its help.
 */
export const dbadviceSlash: SlashSpec = {
  name: '/dbadvice',
  read(text) {
    const read = dbadviceWords(text);
    return { ...read, help: read.help || read.words.length === 0 };
  },
  unmatched() {
    // Unreachable while `/dbadvice <question>` is registered: every text is a question at worst.
    throw new UserInputError('I did not understand that.', DBADVICE_SUBCOMMAND_USAGE);
  },
};
