import MiniSearch from 'minisearch';
import type { KbData } from './build.ts';
import { nameKey } from './name-key.ts';
import type { CaseStudyNote, Note, ServiceNote } from './schema.ts';
import { type ChunkDoc, MINISEARCH_OPTIONS } from './search-options.ts';

export interface SearchHit {
  noteId: string;
  heading: string;
  score: number;
}

/** The loaded knowledge base: notes by kind and BM25 search over their chunks. */
export interface KnowledgeBase {
  notes: Note[];
  services: ServiceNote[];
  caseStudies: CaseStudyNote[];
  search(query: string): SearchHit[];
  /** A service by id, alias or name, however it is spaced or cased (`dynamo`, `Amazon DynamoDB`, `오로라`). */
  findService(name: string): ServiceNote | undefined;
}

/** Loads a built index as is: `loadJSON` restores the index without re-tokenizing any note. */
export function loadKnowledgeBase(data: KbData): KnowledgeBase {
  if (data.version !== 1)
    throw new Error(`Unsupported knowledge base version ${String(data.version)}; run npm run kb:build`);
  const index = MiniSearch.loadJSON<ChunkDoc>(data.index, MINISEARCH_OPTIONS);
  const services = data.notes.filter((n): n is ServiceNote => n.kind === 'service');
  const names = new Map<string, ServiceNote>();
  for (const s of services) {
    for (const name of [s.id, s.name, ...s.aliases]) names.set(nameKey(name), s);
  }
  return {
    notes: data.notes,
    services,
    caseStudies: data.notes.filter((n): n is CaseStudyNote => n.kind === 'case-study'),
    search(query) {
      return index.search(query).map((r) => ({ noteId: String(r.noteId), heading: String(r.heading), score: r.score }));
    },
    findService(name) {
      return names.get(nameKey(name));
    },
  };
}
