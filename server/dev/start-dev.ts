import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { DEMO_NAMED_PEOPLE } from '../../core/demo/named-people.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { systemClock, todayInLondon } from '../../core/time/clock.js';
import { startApp } from '../app.js';
import { azuriteConnectionString, ConfigError, environmentWith, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createServices } from '../services.js';
import { isPortOpen, startAzurite, type RunningAzurite } from './azurite.js';
import { startPlayground, type RunningPlayground } from './playground.js';

/**
 * `npm start`: Azurite (data in .azurite/), demo data on first run, the server on 127.0.0.1:3978
 * and the Agents Playground on 56150, all stopped cleanly by Ctrl-C.
 */
const PLAYGROUND_PORT = 56150;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      as: { type: 'string', default: 'user-id-0' },
      'no-playground': { type: 'boolean', default: false },
      'demo-staff': { type: 'string', default: '200' },
    },
  });
  const actAs = values.as!.startsWith('user-id-')
    ? values.as!
    : (DEMO_NAMED_PEOPLE.find((p) => p.name.toLowerCase().startsWith(values.as!.toLowerCase()))?.playgroundUserId ?? values.as!);
  const root = process.cwd();

  let azurite: RunningAzurite | undefined;
  if (await isPortOpen(10002)) {
    console.log('• Azurite is already running on 127.0.0.1:10002: using it.');
  } else {
    azurite = await startAzurite({ location: path.join(root, '.azurite'), tablePort: 10002, queuePort: 10001, blobPort: 10000, detached: true });
    console.log('• Azurite started (Table 10002, Queue 10001); data in .azurite/');
  }

  const config = loadConfig(environmentWith({ STORAGE_CONNECTION_STRING: azuriteConnectionString('127.0.0.1', 10002, 10001) }));
  if (config.mode !== 'development') throw new Error('npm start runs the development setup; for production use `npm run start:prod`.');
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const services = createServices(config);
  await services.ensureStorage();

  if ((await services.catalogue.version()) === undefined) {
    const today = todayInLondon(systemClock);
    const organisation = generateOrganisation({ staff: Number(values['demo-staff']), today });
    const report = await seedOrganisation(services, organisation, { today, rules: config.rules });
    console.log(`• Demo data seeded: ${report.people} people, ${report.records} learning records (${report.milliseconds} ms).`);
  } else {
    console.log('• Demo data already present (delete .azurite/ to start afresh).');
  }

  const app = await startApp(config, logger, { services });
  console.log(`• Server: ${app.server.url} (bot endpoint ${app.server.url}/api/messages, health ${app.server.url}/healthz, ready ${app.server.url}/readyz)`);

  let playground: RunningPlayground | undefined;
  if (!values['no-playground']) {
    playground = await startPlayground({
      botEndpoint: `${app.server.url}/api/messages`,
      port: PLAYGROUND_PORT,
      actAs,
      workDir: path.join(root, 'devTools'),
    });
    const me = DEMO_NAMED_PEOPLE.find((p) => p.playgroundUserId === actAs);
    console.log(`• Agents Playground: ${playground.url} (you are ${me?.name ?? actAs})`);
  }

  console.log(`• Tab (standalone, development mode: pick a demo person): ${app.server.url}/tab/my-learning
    also /tab/team, /tab/reports, /tab/admin, /tab/workspace (the PCN's Learning Organisation application), /tab/hub

Open ${playground?.url ?? app.server.url} in a browser and type:  what's due
Act as someone else:  npm start -- --as megan   (line manager)   --as patti (new starter)   --as lynne (back from leave)
Press Ctrl-C to stop everything.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await playground?.stop().catch(() => undefined);
    // The same graceful stop as production, with the same deadline; Azurite goes last (and only if we
    // started it), so every write the server finishes reaches it and Azurite flushes it to .azurite/.
    let timer: NodeJS.Timeout | undefined;
    const clean = await Promise.race([
      app.stop().then(() => true, () => false),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), config.shutdownDeadlineMs))),
    ]);
    clearTimeout(timer);
    if (!clean) {
      console.log(`Gave up waiting after ${config.shutdownDeadlineMs / 1000} s; abandoned: ${JSON.stringify(app.inFlight())}`);
      await app.abandon().catch(() => undefined);
    }
    await azurite?.stop().catch(() => undefined);
    console.log('Stopped.');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
