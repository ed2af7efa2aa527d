import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildKnowledgeBase, readNotes } from './build.ts';
import { KnowledgeBuildError } from './schema.ts';

// `npm run kb:build [-- <notes dir> <output file>]`: the runtime imports the output, so it ships in the bundle.
const [notesDir = 'knowledge/notes', outFile = 'knowledge/dist/kb.json'] = process.argv.slice(2);

try {
  const data = buildKnowledgeBase(readNotes(notesDir));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(data));
  const services = data.notes.filter((n) => n.kind === 'service').length;
  console.log(`kb:build: ${data.notes.length} notes (${services} services) from ${notesDir} → ${outFile}`);
} catch (error) {
  if (!(error instanceof KnowledgeBuildError)) throw error;
  console.error(`kb:build failed: ${error.message}`);
  process.exitCode = 1;
}
