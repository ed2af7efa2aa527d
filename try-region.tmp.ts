import { loadConfig } from '/work/wt/region/infra/config.ts';
import { PLAIN } from '/work/wt/region/infra/local/render-terminal.ts';
import { createShell } from '/work/wt/region/infra/local/shell.ts';
const shell = await createShell(loadConfig({ DATA_SOURCE: 'demo' }), (t) => console.log(t), PLAIN);
for (const c of process.argv.slice(2)) { console.log('=====', c); await shell.run(c); }
await shell.close();
