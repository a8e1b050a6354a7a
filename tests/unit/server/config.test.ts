import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../api/server/config';

describe('configuration from the environment', () => {
  it('runs on embedded defaults with no variables set', () => {
    const config = loadConfig({}, '/srv/portal');
    expect(config).toMatchObject({
      port: 4321,
      host: '127.0.0.1',
      dataDir: '/srv/portal/data',
      smtpUrl: undefined,
      partnershipFile: '/srv/portal/content/partnership.yaml',
      retry: { baseMs: 15_000, capMs: 300_000, maxAttempts: 10 },
    });
    expect(config.publicUrl.href).toBe('http://localhost:4321/');
  });

  it.each([
    [{ PORT: 'eighty' }, 'environment variable PORT: must be a whole number'],
    [{ PORT: '70000' }, 'environment variable PORT: must be 65535 or less'],
    [{ PUBLIC_URL: 'safer.example.org' }, 'environment variable PUBLIC_URL: must be a full URL such as https://safer.example.org'],
    [{ SMTP_URL: 'mail.example.org:25' }, 'environment variable SMTP_URL: must start with smtp:// or smtps://'],
    [{ RETRY_MAX_ATTEMPTS: '0' }, 'environment variable RETRY_MAX_ATTEMPTS: must be 1 or more'],
    [{ LOG_LEVEL: 'loud' }, 'environment variable LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ TRUST_PROXY: 'my proxy' }, 'environment variable TRUST_PROXY: must be "loopback" or IP addresses separated by commas'],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => loadConfig(env, '/srv/portal')).toThrow(message);
  });

  it('never repeats a secret from SMTP_URL in its error', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://user:s3cret@host' }, '/')).toThrow(/^(?!.*s3cret)/);
  });
});
