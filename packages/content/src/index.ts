export { formatForPlatform } from './format.ts';
export type { FormatInput, FormatResult, ImageRef, Footnote } from './format.ts';
export { getProfile, loadProfiles, platformIds, parseProfile } from './profiles/index.ts';
export type { PlatformProfile, OutputKind } from './profiles/index.ts';
export { checkLimits, type Violation, type CheckSubject } from './limits/check.ts';
export { countChars, truncateTo } from './limits/count.ts';
export { listThemes, type ThemeInfo } from './wechat/themes.ts';
export { parseSource, type SourceDocument } from './markdown/document.ts';
