import { isIP } from 'node:net';

/**
 * Address classification for the egress (SSRF) guard. An address is "global"
 * when the public internet could route to it; everything else — loopback,
 * private, carrier-grade NAT, link-local, multicast, documentation, reserved,
 * and IPv6 forms that embed such an IPv4 address — is internal. The tables
 * follow the IANA special-purpose address registries (RFC 6890 and updates).
 */

type V4Range = readonly [base: number, bits: number, name: string];
type V6Range = readonly [groups: readonly number[], bits: number, name: string];

const V4_INTERNAL: readonly V4Range[] = [
  [v4('0.0.0.0'), 8, 'this network'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'carrier-grade NAT'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'IETF protocol assignments'],
  [v4('192.0.2.0'), 24, 'documentation'],
  [v4('192.88.99.0'), 24, '6to4 relay anycast'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'benchmarking'],
  [v4('198.51.100.0'), 24, 'documentation'],
  [v4('203.0.113.0'), 24, 'documentation'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved'],
];

// Checked in order; the first match wins. Ranges that embed an IPv4 address are handled in classifyV6.
const V6_INTERNAL: readonly V6Range[] = [
  [[0x0064, 0xff9b, 0x0001], 48, 'local-use NAT64'],
  [[0x0100, 0, 0, 0], 64, 'discard-only'],
  [[0x2001, 0x0db8], 32, 'documentation'],
  [[0x2001, 0x0000], 23, 'IETF protocol assignments (Teredo, benchmarking, ORCHID)'],
  [[0x3fff, 0x0000], 20, 'documentation'],
  [[0x5f00], 16, 'SRv6 SIDs'],
  [[0xfc00], 7, 'unique local'],
  [[0xfe80], 10, 'link-local'],
  [[0xfec0], 10, 'site-local'],
  [[0xff00], 8, 'multicast'],
];

function v4(text: string): number {
  const parts = text.split('.').map(Number);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** Parses dotted-quad IPv4 (the only form resolvers and the URL parser produce) to a 32-bit number. */
export function parseIPv4(text: string): number | undefined {
  if (isIP(text) !== 4) return undefined;
  return v4(text);
}

/** Parses an IPv6 address (with `::`, an embedded dotted IPv4 tail, or a zone id) to eight 16-bit groups. */
export function parseIPv6(text: string): number[] | undefined {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(bare) !== 6) return undefined;
  let head = bare;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (dotted) {
    const n = v4(dotted[1]!);
    tail.push(n >>> 16, n & 0xffff);
    head = bare.slice(0, -dotted[1]!.length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const [left = '', right] = head.split('::') as [string, string | undefined];
  const toGroups = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const l = toGroups(left);
  const r = [...toGroups(right ?? ''), ...tail];
  if (right === undefined) return [...l, ...tail];
  return [...l, ...new Array<number>(8 - l.length - r.length).fill(0), ...r];
}

function inV4(n: number, [base, bits]: V4Range): boolean {
  if (bits === 0) return true;
  const mask = bits === 32 ? 0xffffffff : ~((1 << (32 - bits)) - 1) >>> 0;
  return (n & mask) >>> 0 === (base & mask) >>> 0;
}

function inV6(groups: readonly number[], [base, bits]: V6Range): boolean {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((groups[i]! & mask) !== ((base[i] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(n: number): string | undefined {
  return V4_INTERNAL.find((range) => inV4(n, range))?.[2];
}

const embedded = (hi: number, lo: number) => ((hi << 16) | lo) >>> 0;

function classifyV6(g: readonly number[]): string | undefined {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  if (zeros(0, 5) && g[5] === 0xffff) {
    const inner = classifyV4(embedded(g[6]!, g[7]!));
    return inner ? `IPv4-mapped ${inner}` : undefined;
  }
  // Deprecated IPv4-compatible (::a.b.c.d) and SIIT-translated (::ffff:0:a.b.c.d) forms: never a real public target.
  if (zeros(0, 6)) return 'IPv4-compatible';
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return 'IPv4-translated';
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) {
    // NAT64 well-known prefix: the gateway connects to the embedded IPv4 address.
    const inner = classifyV4(embedded(g[6]!, g[7]!));
    return inner ? `NAT64 of ${inner}` : undefined;
  }
  if (g[0] === 0x2002) {
    const inner = classifyV4(embedded(g[1]!, g[2]!));
    return inner ? `6to4 of ${inner}` : undefined;
  }
  const named = V6_INTERNAL.find((range) => inV6(g, range));
  if (named) return named[2];
  // Only 2000::/3 is allocated as global unicast.
  if ((g[0]! & 0xe000) !== 0x2000) return 'not global unicast';
  return undefined;
}

/**
 * Why an address is internal ("loopback", "private", "IPv4-mapped loopback", …),
 * or undefined when it is a global address. Anything that does not parse as an
 * IP address counts as internal: the guard never guesses.
 */
export function internalReason(address: string): string | undefined {
  const n4 = parseIPv4(address);
  if (n4 !== undefined) return classifyV4(n4);
  const g6 = parseIPv6(address);
  if (g6 && g6.length === 8) return classifyV6(g6);
  return 'not an IP address';
}

/**
 * A canonical key for equality between addresses written differently
 * (`::ffff:7f00:1` and `127.0.0.1`, `0:0::1` and `::1`).
 */
export function addressKey(address: string): string | undefined {
  const n4 = parseIPv4(address);
  if (n4 !== undefined) return `4:${n4}`;
  const g = parseIPv6(address);
  if (!g || g.length !== 8) return undefined;
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0))
    return `4:${embedded(g[6]!, g[7]!)}`;
  return `6:${g.map((x) => x.toString(16)).join(':')}`;
}
