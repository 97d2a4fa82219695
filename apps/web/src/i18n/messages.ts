/**
 * App strings, zh-CN first, one file per area. Each area's `en` is typed
 * against its `zh`, so a missing translation fails the typecheck.
 */
import * as common from './messages/common.ts';
import * as account from './messages/account.ts';
import * as pages from './messages/pages.ts';

export const zhCN = { ...common.zh, ...account.zh, ...pages.zh };
export type MessageKey = keyof typeof zhCN;
export const en: Record<MessageKey, string> = { ...common.en, ...account.en, ...pages.en };
