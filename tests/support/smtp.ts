import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpBehaviour = 'accept' | 'temporary' | 'permanent';

/**
 * A real SMTP server in the test process. It can accept, refuse for now (451) or for good (550),
 * and be stopped and started again on the same port to play a partner's server being down.
 */
export async function startSmtp(port = 0) {
  const received: ParsedMail[] = [];
  let behaviour: SmtpBehaviour = 'accept';
  let onlyFor: string | undefined;
  let delayMs = 0;
  let server: SMTPServer | undefined;
  let boundPort = port;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', async () => {
            if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
            const targeted = !onlyFor || session.envelope.rcptTo.some((r) => r.address === onlyFor);
            if (behaviour !== 'accept' && targeted) {
              // As real servers do, the refusal quotes the address it refused.
              const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
              const err = Object.assign(new Error(behaviour === 'temporary' ? `Try again later: ${to}` : `No such mailbox: ${to}`), {
                responseCode: behaviour === 'temporary' ? 451 : 550,
              });
              callback(err);
              return;
            }
            simpleParser(Buffer.concat(chunks)).then((mail) => {
              received.push(mail);
              callback();
            }, callback);
          });
        },
      });
      server.once('error', reject);
      server.listen(boundPort, '127.0.0.1', () => {
        const address = server!.server.address();
        if (address && typeof address === 'object') boundPort = address.port;
        // A sender killed mid-session (the kill tests) resets its connection: the server goes on.
        server!.on('error', () => {});
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    received,
    /** How the server answers from now on: to every recipient, or only to one address. */
    behave(next: SmtpBehaviour, recipient?: string) {
      behaviour = next;
      onlyFor = recipient;
    },
    /** Takes this long to accept each message, as a busy partner's server does. */
    slow(ms: number) {
      delayMs = ms;
    },
    /** Stops listening: connections are refused, as when a partner's server is down. */
    async stop(): Promise<void> {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
    start: listen,
    async waitFor(count: number, timeoutMs = 15_000): Promise<ParsedMail[]> {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} emails, received ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;
