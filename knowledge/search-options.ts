import type { Options } from 'minisearch';
import { tokenize } from './tokenize.ts';

/** One chunk of a note as indexed: a section, or a note's front-matter summary. */
export interface ChunkDoc {
  id: string;
  noteId: string;
  heading: string;
  title: string;
  keywords: string;
  text: string;
}

/**
 * The build and the runtime must tokenize alike, or a loaded index never matches a query:
 * both take their MiniSearch options from here.
 */
export const MINISEARCH_OPTIONS: Options<ChunkDoc> = {
  fields: ['title', 'keywords', 'text'],
  storeFields: ['noteId', 'heading'],
  tokenize: (text) => tokenize(text),
  // The tokenizer already lower-cases and strips particles; MiniSearch's default would redo part of it.
  processTerm: (term) => term,
  searchOptions: { boost: { keywords: 2, title: 1.5 }, combineWith: 'OR' },
};
