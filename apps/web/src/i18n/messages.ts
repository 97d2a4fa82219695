/**
 * App strings, zh-CN first, one file per area. Each area's `en` is typed
 * against its `zh`, so a missing translation fails the typecheck.
 */
import * as common from './messages/common.ts';
import * as account from './messages/account.ts';
import * as pages from './messages/pages.ts';
import * as library from './messages/library.ts';
import * as works from './messages/works.ts';
import * as publish from './messages/publish.ts';
import * as publishTools from './messages/publish-tools.ts';
import * as settings from './messages/settings.ts';
import * as runs from './messages/runs.ts';
import * as llm from './messages/llm.ts';
import * as cloud from './messages/cloud.ts';
import * as analytics from './messages/analytics.ts';
import * as trends from './messages/trends.ts';
import * as opinion from './messages/opinion.ts';
import * as publishOAuth from './messages/publish-oauth.ts';
import * as publishEdit from './messages/publish-edit.ts';
import * as publishMatrix from './messages/publish-matrix.ts';
import * as costs from './messages/costs.ts';
import * as sync from './messages/sync.ts';

export const zhCN = { ...common.zh, ...account.zh, ...pages.zh, ...library.zh, ...works.zh, ...publish.zh, ...publishTools.zh, ...settings.zh, ...runs.zh, ...llm.zh, ...cloud.zh, ...analytics.zh, ...trends.zh, ...opinion.zh, ...publishOAuth.zh, ...publishEdit.zh, ...costs.zh, ...publishMatrix.zh, ...sync.zh };
export type MessageKey = keyof typeof zhCN;
export const en: Record<MessageKey, string> = { ...common.en, ...account.en, ...pages.en, ...library.en, ...works.en, ...publish.en, ...publishTools.en, ...settings.en, ...runs.en, ...llm.en, ...cloud.en, ...analytics.en, ...trends.en, ...opinion.en, ...publishOAuth.en, ...publishEdit.en, ...costs.en, ...publishMatrix.en, ...sync.en };
