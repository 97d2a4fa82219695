/**
 * App strings, zh-CN first, one file per area. Each area's `en` is typed
 * against its `zh`, so a missing translation fails the typecheck.
 */
import * as common from './messages/common.ts';
import * as account from './messages/account.ts';
import * as pages from './messages/pages.ts';
import * as library from './messages/library.ts';
import * as works from './messages/works.ts';

export const zhCN = { ...common.zh, ...account.zh, ...pages.zh, ...library.zh, ...works.zh };
export type MessageKey = keyof typeof zhCN;
export const en: Record<MessageKey, string> = { ...common.en, ...account.en, ...pages.en, ...library.en, ...works.en };
