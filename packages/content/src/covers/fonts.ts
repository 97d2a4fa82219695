import { existsSync } from 'node:fs';
import { CreatorFlowError } from '@creatorflow/core';

export interface CjkFont {
  /** Files handed to the renderer (regular and, when found, bold). */
  files: string[];
  family: string;
}

/** Known places of CJK fonts on Linux (Noto/Source Han), macOS and Windows, in order of preference. */
const CANDIDATES: Array<{ family: string; files: string[] }> = [
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'] },
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc'] },
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc'] },
  { family: 'Source Han Sans SC', files: ['/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf', '/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Bold.otf'] },
  { family: 'WenQuanYi Micro Hei', files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'] },
  { family: 'PingFang SC', files: ['/System/Library/Fonts/PingFang.ttc'] },
  { family: 'Hiragino Sans GB', files: ['/System/Library/Fonts/Hiragino Sans GB.ttc'] },
  { family: 'Microsoft YaHei', files: ['C:\\Windows\\Fonts\\msyh.ttc', 'C:\\Windows\\Fonts\\msyhbd.ttc'] },
];

/**
 * Finds a font that has Chinese glyphs: an explicit file (with its family
 * name) first, then the usual system locations. Without one, covers would
 * render tofu boxes, so this fails with how to fix it.
 */
export function locateCjkFont(explicit?: { file: string; family: string }): CjkFont {
  if (explicit) {
    if (!existsSync(explicit.file)) {
      throw new CreatorFlowError('COVER_FONT_MISSING', `The cover font file ${explicit.file} does not exist; fix the path or remove it to use a system CJK font`, { status: 500 });
    }
    return { files: [explicit.file], family: explicit.family };
  }
  for (const candidate of CANDIDATES) {
    const files = candidate.files.filter((f) => existsSync(f));
    if (files.length > 0 && existsSync(candidate.files[0]!)) return { files, family: candidate.family };
  }
  throw new CreatorFlowError(
    'COVER_FONT_MISSING',
    'No Chinese font was found for rendering covers. Install one (Debian/Ubuntu: apt install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts) or set a font file in the cover settings',
    { status: 500, details: { searched: CANDIDATES.flatMap((c) => c.files) } },
  );
}
