/**
 * What `serverless package` and `serverless deploy` run before they zip anything (through
 * infra/build/serverless-plugin.cjs): refuse placeholders and impossible settings, then build the
 * knowledge index and the three bundles, so every way of deploying builds the same thing.
 * Parameters arrive as environment variables resolved by serverless.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AlarmRoutesError } from '../../handlers/alarm-relay/routes.ts';
import { buildKnowledgeBase, readNotes } from '../../knowledge/build.ts';
import { KnowledgeBuildError } from '../../knowledge/schema.ts';
import { ConfigError, loadDeploySettings } from '../config.ts';
import { bundle, FUNCTIONS } from './bundle.ts';
import { assertDeployable, DeployCheckError } from './deploy-check.ts';

const KB_OUT = 'knowledge/dist/kb.json';

try {
  const settings = loadDeploySettings();
  assertDeployable(settings);
  mkdirSync(dirname(KB_OUT), { recursive: true });
  writeFileSync(KB_OUT, JSON.stringify(buildKnowledgeBase(readNotes('knowledge/notes'))));
  for (const name of FUNCTIONS) await bundle(name, settings);
  console.log(`Built the knowledge index and the ${FUNCTIONS.join(', ')} bundles (dist/).`);
} catch (error) {
  // The plugin shows this text as the deploy's error: a bad file gets its message (file and line),
  // never a stack trace that would hide it; anything unexpected keeps its stack.
  const expected =
    error instanceof DeployCheckError ||
    error instanceof ConfigError ||
    error instanceof AlarmRoutesError ||
    error instanceof KnowledgeBuildError;
  console.error(expected ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
