import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase, readNotes } from './build.ts';
import { KnowledgeBuildError } from './schema.ts';

// `npm run kb:build [-- [--force] <notes dir> <output file>]`: the runtime imports the output, so it ships in the bundle.
// It runs before `npm start` and `npm run serve`, whose first line of output is theirs: so it prints to stderr, and
// nothing at all when the index is already newer than every note and every file of the build.
const args = process.argv.slice(2);
const force = args.includes('--force');
const [notesDir = 'knowledge/notes', outFile = 'knowledge/dist/kb.json'] = args.filter((a) => a !== '--force');

/** Newest modification time of the notes (the folder too: deleting a note changes it) and the build's sources. */
function newestInput(): number {
  const buildDir = dirname(fileURLToPath(import.meta.url));
  const times = [statSync(notesDir).mtimeMs];
  for (const file of readdirSync(notesDir)) times.push(statSync(join(notesDir, file)).mtimeMs);
  for (const file of readdirSync(buildDir))
    if (file.endsWith('.ts')) times.push(statSync(join(buildDir, file)).mtimeMs);
  return Math.max(...times);
}

function upToDate(): boolean {
  try {
    return statSync(outFile).mtimeMs > newestInput();
  } catch {
    // No index yet, or no notes folder (the build reports that).
    return false;
  }
}

if (force || !upToDate()) {
  try {
    const data = buildKnowledgeBase(readNotes(notesDir));
    mkdirSync(dirname(outFile), { recursive: true });
    // Written aside and renamed: a process importing the index never reads half of it.
    writeFileSync(`${outFile}.tmp`, JSON.stringify(data));
    renameSync(`${outFile}.tmp`, outFile);
    const services = data.notes.filter((n) => n.kind === 'service').length;
    console.error(`kb:build: ${data.notes.length} notes (${services} services) from ${notesDir} → ${outFile}`);
  } catch (error) {
    if (!(error instanceof KnowledgeBuildError)) throw error;
    console.error(`kb:build failed: ${error.message}`);
    process.exitCode = 1;
  }
}
