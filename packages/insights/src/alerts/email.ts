import { CreatorFlowError, ValidationError, lazy } from '@creatorflow/core';
import type { AlertMessage } from './bots.ts';

/**
 * The e-mail channel (optional SMTP, issue 14 item 4). A channel's address is
 * `mailto:a@example.com,b@example.com`; its secret is the SMTP server as a URL,
 * `smtp://user:password@smtp.example.com:587?from=alerts@example.com` (smtps:// for
 * implicit TLS on 465; STARTTLS is used when the server offers it), sealed like
 * a bot's signing secret. Without one, CREATORFLOW_SMTP_URL of the server is used.
 */
export interface EmailTarget {
  to: string[];
  smtp: URL;
  from: string;
}

const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export function emailRecipients(raw: string): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    url = new URL('invalid:');
  }
  const list = url.protocol === 'mailto:' ? decodeURIComponent(url.pathname).split(/[,;]/).map((s) => s.trim()).filter(Boolean) : [];
  if (list.length === 0 || list.some((a) => !ADDRESS.test(a))) {
    throw new ValidationError('not a mail address', [{ path: 'url', message: 'mailto: followed by one or more addresses, comma separated' }]);
  }
  return list;
}

export function smtpServer(raw: string | undefined): URL {
  let url: URL | undefined;
  try {
    url = raw ? new URL(raw) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ValidationError('no SMTP server', [{ path: 'secret', message: 'smtp://user:password@host:587?from=… (or set CREATORFLOW_SMTP_URL on the server)' }]);
  }
  return url;
}

export function emailTarget(address: string, secret: string | undefined): EmailTarget {
  const smtp = smtpServer(secret ?? process.env.CREATORFLOW_SMTP_URL);
  const from = smtp.searchParams.get('from') ?? process.env.CREATORFLOW_SMTP_FROM ?? (smtp.username ? decodeURIComponent(smtp.username) : '');
  if (!ADDRESS.test(from)) throw new ValidationError('no sender address', [{ path: 'secret', message: 'add ?from=sender@example.com to the SMTP URL' }]);
  return { to: emailRecipients(address), smtp, from };
}

/** Text and a small HTML version of an alert (lines are markdown-ish; links stay clickable). */
export function emailBody(message: AlertMessage): { text: string; html: string } {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const text = [message.title, '', ...message.lines].join('\n');
  const html = `<h3>${esc(message.title)}</h3>${message.lines.map((l) => `<p>${esc(l).replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')}</p>`).join('')}`;
  return { text, html };
}

/** nodemailer is loaded on the first e-mail, not with the alerts service at start-up (core's `lazy`). */
const mailer = lazy(async () => (await import('nodemailer')).default);

/**
 * Sends an alert by SMTP. `connectTo` is the address to connect to (the egress guard's answer
 * in cloud mode, so a user's SMTP host cannot point inside the service); TLS still checks the
 * certificate against the host name.
 */
export async function sendEmail(target: EmailTarget, message: AlertMessage, connectTo?: (host: string, port: number) => Promise<string>): Promise<void> {
  const secure = target.smtp.protocol === 'smtps:';
  const port = Number(target.smtp.port || (secure ? 465 : 587));
  const host = target.smtp.hostname;
  const transport = (await mailer()).createTransport({
    host: connectTo ? await connectTo(host, port) : host,
    port,
    secure,
    tls: { servername: host, rejectUnauthorized: target.smtp.searchParams.get('tls') !== 'insecure' },
    auth: target.smtp.username ? { user: decodeURIComponent(target.smtp.username), pass: decodeURIComponent(target.smtp.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const { text, html } = emailBody(message);
    await transport.sendMail({ from: target.from, to: target.to, subject: message.title, text, html });
  } catch (cause) {
    const error = cause as Error & { responseCode?: number; code?: string };
    // 4xx SMTP replies and connection failures pass; 5xx (bad recipient, auth refused) are final.
    const retryable = error.responseCode === undefined ? true : error.responseCode < 500;
    throw new CreatorFlowError('ALERT_DELIVERY_FAILED', `email not sent: ${error.responseCode ? `SMTP ${error.responseCode} ` : ''}${error.message.split('\n')[0]}`, { status: 502, retryable, cause });
  } finally {
    transport.close();
  }
}
