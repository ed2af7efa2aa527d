// A local osls / Serverless Framework plugin (CommonJS, as the framework require()s plugins): before
// `serverless package` or `serverless deploy` zips the functions, it refuses placeholder ids and
// builds the bundles (infra/build/prepare-deploy.ts), so `npx serverless deploy` works on a clean
// clone exactly as `npm run deploy` does.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

/** The project's Node 24 (the `node` devDependency): the build runs TypeScript sources directly. */
function projectNode(serviceDir) {
  const local = join(serviceDir, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  return existsSync(local) ? local : process.execPath;
}

class CwChatopsBuild {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:createDeploymentArtifacts': () => this.prepare() };
  }

  prepare() {
    const { serviceDir, service } = this.serverless;
    const environment = (name) => service.functions?.[name]?.environment ?? {};
    const run = spawnSync(projectNode(serviceDir), ['infra/build/prepare-deploy.ts'], {
      cwd: serviceDir,
      encoding: 'utf8',
      env: {
        ...process.env,
        DEPLOY_LOG_GROUPS_ALLOWED: String(environment('worker').LOG_GROUPS_ALLOWED ?? ''),
        DEPLOY_ALARM_DEFAULT_CHANNEL: String(environment('alarm-relay').ALARM_DEFAULT_CHANNEL ?? ''),
        DEPLOY_REGION: String(service.provider?.region ?? ''),
        DEPLOY_REGIONS_ALLOWED: String(environment('worker').REGIONS_ALLOWED ?? ''),
        DEPLOY_ACCOUNTS: String(environment('worker').ACCOUNTS ?? ''),
      },
    });
    if (run.stdout) process.stdout.write(run.stdout);
    if (run.status !== 0) {
      const detail = (run.stderr || run.error?.message || `exit code ${run.status}`).trim();
      throw new this.serverless.classes.Error(detail);
    }
  }
}

module.exports = CwChatopsBuild;
