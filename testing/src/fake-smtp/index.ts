import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the fake SMTP server accepted: envelope and the raw RFC 5322 text. */
export interface FakeMail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

export interface FakeSmtp {
  port: number;
  /** smtp://user:pass@127.0.0.1:port?from=… for a channel's secret. */
  url(from?: string): string;
  mails: FakeMail[];
  /** The next `n` messages are answered 451 (try again later) or 550 (refused for good). */
  failNext(n: number, code: 451 | 550): void;
  close(): Promise<void>;
}

/**
 * A local SMTP server (the smtp-server package) for the e-mail alert channel: plain SMTP with
 * AUTH PLAIN/LOGIN (user `alerts`, password `s3cret`; others are refused with 535), records
 * every accepted message, and can refuse the next ones with a temporary or final reply.
 */
export async function startFakeSmtp(): Promise<FakeSmtp> {
  const mails: FakeMail[] = [];
  let failing = { n: 0, code: 451 as 451 | 550 };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'alerts' && auth.password === 's3cret') return callback(null, { user: auth.username });
      const error = Object.assign(new Error('Invalid username or password'), { responseCode: 535 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failing.n > 0) {
          failing.n -= 1;
          return callback(Object.assign(new Error(failing.code === 451 ? 'Try again later' : 'Mailbox unavailable'), { responseCode: failing.code }));
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: (from = 'alerts@creatorflow.test') => `smtp://alerts:s3cret@127.0.0.1:${port}?from=${encodeURIComponent(from)}`,
    mails,
    failNext: (n, code) => void (failing = { n, code }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
