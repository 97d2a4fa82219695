import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { internalReason, type EgressPolicy, type ResolvedAddress } from '@creatorflow/net';

/**
 * A laboratory for SSRF tests, without the internet:
 * - an "internal" service on 127.0.0.1 that counts every request it gets (a
 *   guard that works keeps that count at zero);
 * - a "public" site on 127.0.0.2, which the lab's policy classifies as global,
 *   with redirect endpoints (`/redirect?to=`, `/chain?n=&to=`) and a page;
 * - a resolver that answers hostile names (internal, mapped, mixed, NAT64 and
 *   rebinding ones), `public.test` → 127.0.0.2, and `*.redirect.test` names
 *   for which the public site redirects on every path (hop chains included);
 * - the table of hostile URLs every URL-taking feature must refuse.
 */
export interface SsrfLab {
  /** Base URL of the public site by name, e.g. `http://public.test:PORT`. */
  publicBase: string;
  internalPort: number;
  /** Requests the internal service has received. */
  internalHits(): number;
  /** Requests the public site has received, by path. */
  publicHits: string[];
  /** Policy pieces for an EgressGuard (resolver, classification, own addresses). */
  policy(): Omit<EgressPolicy, 'blockInternal'>;
  /** Every hostile target: [label, url]. Each must be refused with FETCH_BLOCKED_HOST. */
  hostile(): Array<[string, string]>;
  close(): Promise<void>;
}

/** Stands in for one of this server's own public interface addresses. */
export const LAB_OWN_ADDRESS = '198.51.100.200';
// 198.51.100.0/24 is documentation space; the lab re-classifies this one address as global so only the own-address check refuses it.

export async function startSsrfLab(): Promise<SsrfLab> {
  let internalHits = 0;
  const redirectHosts = new Map<string, { status: number; to: string }>();
  const publicHits: string[] = [];
  const internal = createServer((req, res) => {
    internalHits++;
    res.setHeader('content-type', 'text/html');
    res.end(
      '<html><head><title>internal admin</title></head><body><p>INTERNAL-SECRET-PAGE metadata credentials</p></body></html>',
    );
  });
  const site = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    publicHits.push(url.pathname);
    // Host-based redirects answer on every path, so features that append their own path (API clients) follow them too.
    const byHost = redirectHosts.get((req.headers.host ?? '').split(':')[0]!);
    if (byHost) {
      res.writeHead(byHost.status, { location: byHost.to });
      res.end();
      return;
    }
    if (url.pathname === '/redirect') {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), {
        location: url.searchParams.get('to') ?? '/',
      });
      res.end();
      return;
    }
    if (url.pathname === '/chain') {
      const n = Number(url.searchParams.get('n') ?? 0);
      const to = url.searchParams.get('to') ?? '/page';
      res.writeHead(302, { location: n > 0 ? `/chain?n=${n - 1}&to=${encodeURIComponent(to)}` : to });
      res.end();
      return;
    }
    res.setHeader('content-type', 'text/html');
    res.end(
      '<html><head><title>Public page</title></head><body><article><p>A public article about content creation, long enough to be readable text for the extractor.</p></article></body></html>',
    );
  });
  const internalPort = await listen(internal, '127.0.0.1');
  const publicPort = await listen(site, '127.0.0.2');
  const rebindCalls = new Map<string, number>();
  const names: Record<string, string[]> = {
    'public.test': ['127.0.0.2'],
    'loopback.evil.test': ['127.0.0.1'],
    'private.evil.test': ['10.0.0.5'],
    'metadata.evil.test': ['169.254.169.254'],
    'cgnat.evil.test': ['100.64.0.1'],
    'v6-loopback.evil.test': ['::1'],
    'mapped.evil.test': ['::ffff:127.0.0.1'],
    'nat64.evil.test': ['64:ff9b::7f00:1'],
    'sixtofour.evil.test': ['2002:7f00:1::1'],
    'ula.evil.test': ['fd00::1'],
    'mixed.evil.test': ['127.0.0.2', '127.0.0.1'],
    'own.evil.test': [LAB_OWN_ADDRESS],
  };
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    let answer = names[hostname];
    if (redirectHosts.has(hostname)) answer = ['127.0.0.2'];
    if (hostname.startsWith('rebind')) {
      // Public on the first lookup (the check), internal from then on (the connection).
      const calls = (rebindCalls.get(hostname) ?? 0) + 1;
      rebindCalls.set(hostname, calls);
      answer = calls === 1 ? ['127.0.0.2'] : ['127.0.0.1'];
    }
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const p = internalPort;
  const publicBase = `http://public.test:${publicPort}`;
  const redirectVia = (name: string, status: number, to: string) => {
    redirectHosts.set(`${name}.redirect.test`, { status, to });
    return `http://${name}.redirect.test:${publicPort}/v1`;
  };
  redirectHosts.set('hop3.redirect.test', { status: 302, to: `http://hop2.redirect.test:${publicPort}/` });
  redirectHosts.set('hop2.redirect.test', { status: 301, to: `http://hop1.redirect.test:${publicPort}/` });
  redirectHosts.set('hop1.redirect.test', { status: 302, to: 'http://169.254.169.254/latest/meta-data/' });
  let rebindSeq = 0;
  return {
    publicBase,
    internalPort,
    internalHits: () => internalHits,
    publicHits,
    policy: () => ({
      resolve,
      localAddresses: () => [LAB_OWN_ADDRESS, '127.0.0.1', '::1'],
      classify: (address) =>
        address === '127.0.0.2' || address === LAB_OWN_ADDRESS ? undefined : internalReason(address),
    }),
    hostile: () => {
      const rebind = `rebind${++rebindSeq}.evil.test`;
      return [
        ['loopback literal', `http://127.0.0.1:${p}/`],
        ['decimal IPv4', `http://2130706433:${p}/`],
        ['octal IPv4', `http://0177.0.0.1:${p}/`],
        ['hex IPv4', `http://0x7f.0.0.1:${p}/`],
        ['short IPv4', `http://127.1:${p}/`],
        ['zero address', `http://0.0.0.0:${p}/`],
        ['localhost', `http://localhost:${p}/`],
        ['sub.localhost', `http://admin.localhost:${p}/`],
        ['IPv6 loopback', `http://[::1]:${p}/`],
        ['IPv4-mapped IPv6', `http://[::ffff:127.0.0.1]:${p}/`],
        ['IPv4-mapped IPv6 (hex)', `http://[::ffff:7f00:1]:${p}/`],
        ['NAT64 literal', `http://[64:ff9b::7f00:1]:${p}/`],
        ['cloud metadata', `http://169.254.169.254/latest/meta-data/`],
        ['name → loopback', `http://loopback.evil.test:${p}/`],
        ['name → private', `http://private.evil.test:${p}/`],
        ['name → metadata', `http://metadata.evil.test/latest/meta-data/`],
        ['name → CGNAT', `http://cgnat.evil.test:${p}/`],
        ['name → ::1', `http://v6-loopback.evil.test:${p}/`],
        ['name → IPv4-mapped', `http://mapped.evil.test:${p}/`],
        ['name → NAT64 loopback', `http://nat64.evil.test:${p}/`],
        ['name → 6to4 loopback', `http://sixtofour.evil.test:${p}/`],
        ['name → unique local', `http://ula.evil.test:${p}/`],
        ['name → public and internal', `http://mixed.evil.test:${p}/`],
        ["name → this server's own address", `http://own.evil.test:${p}/`],
        ['DNS rebinding (public at check, internal at connect)', `http://${rebind}:${p}/`],
        ['redirect → loopback', redirectVia('to-loopback', 302, `http://127.0.0.1:${p}/`)],
        ['redirect → name → loopback', redirectVia('to-name', 302, `http://loopback.evil.test:${p}/`)],
        ['307 redirect → IPv6 mapped', redirectVia('to-mapped', 307, `http://[::ffff:127.0.0.1]:${p}/`)],
        ['308 redirect → private', redirectVia('to-private', 308, `http://private.evil.test:${p}/`)],
        ['redirect chain (3 hops) → metadata', `http://hop3.redirect.test:${publicPort}/v1`],
        ['path redirect → loopback', `${publicBase}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${p}/`)}`],
      ];
    },
    async close() {
      await Promise.all([close(internal), close(site)]);
    },
  };
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
