export const ASSET_TYPES = ['image', 'video', 'audio', 'document'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/**
 * What may be uploaded, by sniffed MIME type. Anything else (archives,
 * executables, HTML, SVG with its scripts…) is refused. `ext` lists the file
 * name extensions that honestly carry this type.
 */
export const ALLOWED: Record<string, { type: AssetType; ext: string[] }> = {
  'image/jpeg': { type: 'image', ext: ['jpg', 'jpeg', 'jfif'] },
  'image/png': { type: 'image', ext: ['png'] },
  'image/gif': { type: 'image', ext: ['gif'] },
  'image/webp': { type: 'image', ext: ['webp'] },
  'image/avif': { type: 'image', ext: ['avif'] },
  'image/heic': { type: 'image', ext: ['heic', 'heif'] },
  'image/heif': { type: 'image', ext: ['heic', 'heif'] },
  'image/bmp': { type: 'image', ext: ['bmp'] },
  'video/mp4': { type: 'video', ext: ['mp4', 'm4v', 'mov'] },
  'video/quicktime': { type: 'video', ext: ['mov', 'qt', 'mp4'] },
  'video/webm': { type: 'video', ext: ['webm'] },
  'video/x-matroska': { type: 'video', ext: ['mkv'] },
  'video/x-m4v': { type: 'video', ext: ['m4v', 'mp4'] },
  'audio/mpeg': { type: 'audio', ext: ['mp3'] },
  'audio/x-m4a': { type: 'audio', ext: ['m4a', 'mp4'] },
  'audio/mp4': { type: 'audio', ext: ['m4a', 'mp4'] },
  'audio/aac': { type: 'audio', ext: ['aac'] },
  'audio/wav': { type: 'audio', ext: ['wav'] },
  'audio/x-wav': { type: 'audio', ext: ['wav'] },
  'audio/ogg': { type: 'audio', ext: ['ogg', 'oga', 'opus'] },
  'audio/opus': { type: 'audio', ext: ['opus', 'ogg'] },
  'audio/x-flac': { type: 'audio', ext: ['flac'] },
  'audio/flac': { type: 'audio', ext: ['flac'] },
  'application/pdf': { type: 'document', ext: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { type: 'document', ext: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { type: 'document', ext: ['xlsx'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { type: 'document', ext: ['pptx'] },
  'text/plain': { type: 'document', ext: ['txt', 'text', 'srt', 'vtt', 'lrc', 'log'] },
  'text/markdown': { type: 'document', ext: ['md', 'markdown'] },
  'text/csv': { type: 'document', ext: ['csv'] },
  'application/json': { type: 'document', ext: ['json'] },
};

/** Every extension some allowed type uses; a name with one of these claims a type. */
export const KNOWN_EXTENSIONS = new Set(Object.values(ALLOWED).flatMap((a) => a.ext));

/** Text formats are told apart by extension only (their bytes have no signature). */
export const TEXT_BY_EXTENSION: Record<string, string> = {
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
};
