/**
 * `npm run bundle`: each Lambda bundled on its own with esbuild into dist/<function>/, minified,
 * with source maps and only what it imports. Code split: what a handler imports lazily (the AWS
 * SDK clients, the knowledge base, the demo, adapters only some commands need) lands in separate
 * chunks that a cold start of `/cw help` never loads.
 *
 * The AWS SDK is bundled rather than taken from the runtime. Measured with `npm run bench`, the
 * relay's cold start was the same either way (213 ms with the SDK outside the bundle, 224 ms
 * inside, within the noise), and bundling pins the SDK version the tests ran against.
 */

import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { alarmRoutingSchema } from '../../handlers/alarm-relay/routes.ts';
import { accessPolicySchema } from '../access-policy.ts';
import { type DeploySettings, loadDeploySettings } from '../config.ts';
import { checkConfig, readConfigDocument } from '../config-file.ts';
import { ACCESS_POLICY_FILE, ALARM_ROUTES_FILE } from './deploy-check.ts';

export const FUNCTIONS = ['slack', 'worker', 'alarm-relay'] as const;

/**
 * Bolt's index loads every receiver it ships (Express, HTTP, Socket Mode) and @slack/oauth, though
 * a Lambda uses only AwsLambdaReceiver. Those modules are replaced by a stub that throws if anything
 * constructs them: a third of Bolt's import time, gone from every cold start.
 */
const UNUSED_BOLT_MODULES =
  /^(\.\/receivers\/(ExpressReceiver|HTTPReceiver|SocketModeReceiver)|\.\/HTTPReceiver|@slack\/oauth|@slack\/socket-mode|raw-body)$/;

/**
 * For the slack function only: Bolt creates a Web API client per workspace, but our listeners
 * never call the Web API (commands answer in the ack or through response_url; the worker and the
 * relay have clients of their own). Bolt gets a stand-in whose every method throws, saving the
 * Web API client's load at each cold start.
 */
const WEB_API_STAND_IN = `const unavailable = 'The slack function bundles no Slack Web API client: use the worker (infra/build/bundle.ts)';
class WebClient {
  constructor(token) {
    this.token = token;
    return new Proxy(this, { get: (target, key) => (typeof key === 'symbol' || key in target || key === 'then' ? target[key] : (() => { throw new Error(unavailable); })()) });
  }
}
class WebAPIPlatformError extends Error {}
class WebAPIRateLimitedError extends Error {}
class WebAPIHTTPError extends Error {}
module.exports = { __esModule: true, WebClient, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIHTTPError, addAppMetadata() {} };`;

export function boltWithoutWebApi(): Plugin {
  return {
    name: 'bolt-without-web-api',
    setup(plugin) {
      plugin.onResolve({ filter: /^@slack\/web-api$/ }, (args) =>
        /node_modules\/@slack\/bolt\//.test(args.importer) ? { path: args.path, namespace: 'bolt-web-api' } : undefined,
      );
      plugin.onLoad({ filter: /.*/, namespace: 'bolt-web-api' }, () => ({ loader: 'js', contents: WEB_API_STAND_IN }));
    },
  };
}

export const boltLambdaOnly: Plugin = {
  name: 'bolt-lambda-only',
  setup(plugin) {
    plugin.onResolve({ filter: UNUSED_BOLT_MODULES }, (args) =>
      /node_modules\/@slack\/bolt\//.test(args.importer) ? { path: args.path, namespace: 'bolt-unused' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'bolt-unused' }, (args) => ({
      loader: 'js',
      contents: `class Unavailable { constructor() { throw new Error(${JSON.stringify(`${args.path} is not bundled: cw-chatops runs Bolt with AwsLambdaReceiver only`)}); } }
module.exports = { __esModule: true, default: Unavailable };`,
    }));
  },
};

/**
 * With code splitting, esbuild turns `await import('@aws-sdk/client-dynamodb')` (a CommonJS package)
 * into a chunk whose only export is `default` (esbuild issue #3245): `const { DynamoDBClient } = await
 * import(…)` is `undefined` in the bundle though it works from the sources. Every dynamic import of a
 * package from our code goes through a small ES module instead that re-exports the package's names,
 * read here by loading it as Node would; a static import from CommonJS is something esbuild handles.
 */
export function dynamicImportInterop(root = process.cwd()): Plugin {
  const require = createRequire(resolvePath(root, 'package.json'));
  return {
    name: 'dynamic-import-interop',
    setup(plugin) {
      plugin.onResolve({ filter: /^[@a-z]/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.importer.includes('/node_modules/')) return undefined;
        if (args.path.startsWith('node:') || args.pluginData === 'interop') return undefined;
        const target = await plugin.resolve(args.path, {
          kind: 'import-statement',
          resolveDir: args.resolveDir,
          pluginData: 'interop',
        });
        // An ES module keeps its names through splitting; only CommonJS needs the re-export.
        if (target.errors.length > 0 || !isCommonJs(target.path)) return undefined;
        return { path: target.path, namespace: 'dynamic-import-interop', pluginData: args.path };
      });
      plugin.onLoad({ filter: /.*/, namespace: 'dynamic-import-interop' }, (args) => {
        const exported = require(args.path) as Record<string, unknown>;
        const names = Object.keys(exported).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
        const from = JSON.stringify(args.path);
        return {
          loader: 'js',
          resolveDir: root,
          contents: `import * as m from ${from};\nexport const { ${names.join(', ')} } = m;\nexport default m.default ?? m;\n`,
        };
      });
    },
  };
}

/** `.cjs`, or `.js` whose nearest package.json does not say `"type": "module"`. */
function isCommonJs(file: string): boolean {
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: string };
      return pkg.type !== 'module';
    } catch {
      // No package.json here: look further up.
    }
  }
  return true;
}

export async function bundle(
  name: string,
  settings: Pick<DeploySettings, 'alarmDefaultChannel'> = loadDeploySettings(),
  outdir = `dist/${name}`,
): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { index: `functions/${name}.ts` },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    minify: true,
    sourcemap: true,
    metafile: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    legalComments: 'none',
    plugins: [dynamicImportInterop(), boltLambdaOnly, ...(name === 'slack' ? [boltWithoutWebApi()] : [])],
    logLevel: 'warning',
  });
  await writeFile(`${outdir}/meta.json`, JSON.stringify(result.metafile));
  // The policy and the routes are checked here, so a bad file fails the build, and shipped as
  // JSON, so no YAML parser loads at cold start.
  if (name === 'slack') {
    const policy = checkConfig(ACCESS_POLICY_FILE, await readConfigDocument(ACCESS_POLICY_FILE), accessPolicySchema);
    await writeFile(`${outdir}/access-policy.json`, JSON.stringify(policy));
  }
  if (name === 'alarm-relay') {
    const routes = await readConfigDocument(ALARM_ROUTES_FILE);
    // A deploy may name the default channel as a parameter instead of in the file (infra/build/prepare-deploy.ts);
    // the file is shipped as written, so the relay applies ALARM_DEFAULT_CHANNEL itself.
    checkConfig(ALARM_ROUTES_FILE, routes, alarmRoutingSchema(settings.alarmDefaultChannel || undefined));
    await writeFile(`${outdir}/alarm-routes.json`, JSON.stringify(routes));
  }
  return result.metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv.slice(2);
  for (const name of only.length ? only : FUNCTIONS) {
    const meta = await bundle(name);
    const bytes = Object.entries(meta.outputs)
      .filter(([file]) => file.endsWith('.mjs'))
      .reduce((sum, [, out]) => sum + out.bytes, 0);
    console.log(`${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB`);
  }
}
