import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import MiniSearch from 'minisearch';
import { parse } from 'yaml';
import { splitFrontMatter, splitSections } from './markdown.ts';
import { KnowledgeBuildError, type Note, toNote } from './schema.ts';
import { type ChunkDoc, MINISEARCH_OPTIONS } from './search-options.ts';
import { checkSource } from './sources.ts';

/** What `npm run kb:build` writes and the runtime loads: notes' metadata and the serialized index. */
export interface KbData {
  version: 1;
  notes: Note[];
  /** `JSON.stringify(miniSearch)`: loaded with `MiniSearch.loadJSON`, never re-indexed at cold start. */
  index: string;
}

export interface SourceFile {
  /** Shown in errors and answers, e.g. `knowledge/notes/dynamodb.md`. */
  path: string;
  content: string;
}

/** Every `*.md` in `dir` (not its README), sorted so builds are reproducible. */
export function readNotes(dir: string, root = process.cwd()): SourceFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file.toLowerCase() !== 'readme.md')
    .sort()
    .map((file) => ({ path: relative(root, join(dir, file)), content: readFileSync(join(dir, file), 'utf8') }));
}

/** Parses one note into its metadata and searchable chunks; errors name the file. */
export function parseNote(file: SourceFile): { note: Note; chunks: ChunkDoc[] } {
  const { frontMatter, body } = splitFrontMatter(file.content);
  if (frontMatter === undefined) {
    throw new KnowledgeBuildError(`${file.path}: no front matter (a block between "---" lines at the top)`);
  }
  let raw: unknown;
  try {
    raw = parse(frontMatter);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new KnowledgeBuildError(`${file.path}: front matter is not valid YAML: ${detail}`, { cause: error });
  }
  const note = toNote(raw, file.path);
  note.sources = canonicalSources(file, note.sources);
  const summary: ChunkDoc = {
    id: `${note.id}#summary`,
    noteId: note.id,
    heading: 'summary',
    title: note.name,
    keywords: [note.id, ...('aliases' in note ? note.aliases : []), ...note.keywords.en, ...note.keywords.ko].join(' '),
    text: summaryText(note),
  };
  const sections = splitSections(body, note.name).map((section, i) => ({
    id: `${note.id}#${i}`,
    noteId: note.id,
    heading: section.heading,
    title: `${note.name} ${section.heading}`,
    keywords: '',
    text: section.text,
  }));
  if (sections.length === 0) throw new KnowledgeBuildError(`${file.path}: the note has no body text`);
  return { note, chunks: [summary, ...sections] };
}

/** The 1-based line of `entry` in the note, for errors a writer can jump to. */
function lineOf(file: SourceFile, entry: string): number {
  const index = file.content.split(/\r?\n/).findIndex((line) => line.includes(entry));
  return index + 1;
}

/** Sources as the build keeps them (normalised), or one error naming the file, each line and what to cite. */
function canonicalSources(file: SourceFile, entries: string[]): string[] {
  const urls: string[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const checked = checkSource(entry);
    if (checked.ok) urls.push(checked.url);
    else {
      const line = lineOf(file, entry.trim());
      problems.push(`${file.path}${line > 0 ? `:${line}` : ''}: source ${checked.problem}`);
    }
  }
  if (problems.length > 0) throw new KnowledgeBuildError(problems.join('\n'));
  return urls;
}

function summaryText(note: Note): string {
  if (note.kind === 'case-study') return note.uses.map((u) => `${u.service} ${u.text.en} ${u.text.ko}`).join('\n');
  if (note.kind === 'topic') return '';
  return [note.dataModel, note.strengths, note.workloads]
    .flatMap((part) => ('en' in part && Array.isArray(part.en) ? [...part.en, ...part.ko] : Object.values(part)))
    .join('\n');
}

/** Builds the index from note files; checks that ids are unique and cross-references resolve. */
export function buildKnowledgeBase(files: SourceFile[]): KbData {
  const notes: Note[] = [];
  const chunks: ChunkDoc[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const parsed = parseNote(file);
    const earlier = seen.get(parsed.note.id);
    if (earlier) throw new KnowledgeBuildError(`${file.path}: id "${parsed.note.id}" is already used by ${earlier}`);
    seen.set(parsed.note.id, file.path);
    notes.push(parsed.note);
    chunks.push(...parsed.chunks);
  }
  const services = new Set(notes.filter((n) => n.kind === 'service').map((n) => n.id));
  for (const note of notes) {
    const refs = note.kind === 'case-study' ? note.uses.map((u) => u.service) : [];
    if (note.kind === 'service' && note.replacement) refs.push(note.replacement);
    for (const ref of refs) {
      if (!services.has(ref)) throw new KnowledgeBuildError(`${note.path}: refers to unknown service "${ref}"`);
    }
  }
  const index = new MiniSearch<ChunkDoc>(MINISEARCH_OPTIONS);
  index.addAll(chunks);
  return { version: 1, notes, index: JSON.stringify(index) };
}
