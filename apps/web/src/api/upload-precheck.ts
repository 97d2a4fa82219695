import { ApiError } from './errors.ts';

/**
 * What can be told from a file before any of it is sent: its size against the
 * server's limit, and its first bytes. Only the clear cases are refused here —
 * programs, archives that are not Office documents, and a picture or video
 * whose bytes are something else — with the server's own codes; everything
 * else is left to the server's sniffing (packages/library/src/assets/sniff.ts),
 * which stays the rule.
 */
const SIGNATURES: Array<{ what: string; bytes: number[] }> = [
  { what: 'program', bytes: [0x4d, 0x5a] }, // MZ: Windows .exe/.dll
  { what: 'program', bytes: [0x7f, 0x45, 0x4c, 0x46] }, // ELF
  { what: 'program', bytes: [0xcf, 0xfa, 0xed, 0xfe] }, // Mach-O
  { what: 'archive', bytes: [0x52, 0x61, 0x72, 0x21] }, // Rar!
  { what: 'archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] }, // 7z
  { what: 'archive', bytes: [0x1f, 0x8b] }, // gzip
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OFFICE = new Set(['docx', 'xlsx', 'pptx']);
/** Extensions whose files always start with these bytes. */
const MAGIC_BY_EXTENSION: Record<string, number[][]> = {
  png: [[0x89, 0x50, 0x4e, 0x47]],
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  pdf: [[0x25, 0x50, 0x44, 0x46]],
};

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

export async function precheckUpload(file: File, maxBytes?: number): Promise<void> {
  if (maxBytes !== undefined && file.size > maxBytes) {
    throw new ApiError({ status: 413, code: 'ASSET_TOO_LARGE', detail: `'${file.name}' is larger than ${maxBytes} bytes` });
  }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  const refused = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (refused || (startsWith(head, ZIP) && !OFFICE.has(ext))) {
    throw new ApiError({ status: 415, code: 'ASSET_TYPE_NOT_ALLOWED', detail: `'${file.name}' is ${refused?.what ?? 'an archive'}` });
  }
  const magic = MAGIC_BY_EXTENSION[ext];
  if (magic && head.length > 0 && !magic.some((m) => startsWith(head, m))) {
    throw new ApiError({ status: 415, code: 'ASSET_TYPE_MISMATCH', detail: `'${file.name}' is not a .${ext} file` });
  }
}
