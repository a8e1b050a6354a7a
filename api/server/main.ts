import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config-error';
import { loadConfig } from './config';
import { startPortal } from './portal';
import { log } from '../log';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const distDir = join(root, 'dist');

async function main(): Promise<void> {
  const config = loadConfig(process.env, root);
  log.level = config.logLevel;
  const portal = await startPortal(config, { distDir });
  log.info({ url: portal.url, publicUrl: config.publicUrl.href }, `Portal running at ${portal.url}`);
  log.info(
    config.smtpUrl ? 'Mail goes to the SMTP server in SMTP_URL.' : `No SMTP_URL: mail is written as .eml files to ${join(config.dataDir, 'mail')}`,
  );
  const stop = () => {
    // Stops whatever happens in closing: a store that fails to close must not keep the process alive.
    void portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
