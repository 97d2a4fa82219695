import { systemClock, type Clock, type LlmPort } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { CredentialVault } from '@creatorflow/publish/vault/vault';
import { AnalyticsService } from '../analytics/service.ts';
import type { BrowserPool } from '@creatorflow/publish/platforms/browser/pool';
import { bilibiliMetricsCollector } from './collectors/bilibili.ts';
import { browserMetricsCollectors } from './collectors/browser.ts';
import { wechatMetricsCollector, type WechatMetricsOptions } from './collectors/wechat-mp.ts';
import { MetricsScheduler, type MetricsLog } from './scheduler.ts';
import { MetricsService } from './service.ts';
import type { CredentialReader, MetricsCollector } from './types.ts';

export interface MetricsDomainOptions {
  clock?: Clock;
  /** Server key material: reads the cloud copies of account credentials when no other reader is set. */
  secretKey: string;
  /** The LLM layer for comment sentiment (lexicon fallback without it). */
  llm?: () => Pick<LlmPort, 'chat'> | undefined;
  log?: MetricsLog;
  /** Replaces the built-in collectors (tests, a bench). */
  collectors?: MetricsCollector[];
  /** The egress (SSRF) guard for addresses users typed (a 公众号 account's API base). */
  egress?: WechatMetricsOptions['guard'];
}

/**
 * The metrics side of insights for one database handle: scheduler (with every
 * collector), post service and dashboard. One per database in a process, so the
 * API routes and the graph tools (`collect_metrics`, `post_metrics`,
 * `comment_sentiment`, built in packages/runtime tools/registry.ts) share the
 * schedule and the secret reader the server hands over (its publish vault,
 * which knows whether the local vault is unlocked).
 */
export class MetricsDomain {
  readonly scheduler: MetricsScheduler;
  readonly metrics: MetricsService;
  readonly analytics: AnalyticsService;
  readonly clock: Clock;
  #readSecret: CredentialReader;
  #pool: () => BrowserPool | undefined = () => undefined;

  constructor(database: Database, options: MetricsDomainOptions) {
    const clock = options.clock ?? systemClock;
    this.clock = clock;
    const vault = new CredentialVault({ database, serverSecret: options.secretKey, clock });
    this.#readSecret = (account, kind, why) => vault.read({ workspaceId: account.workspaceId, userId: null }, account.id, kind, why);
    const collectors = options.collectors ?? [
      wechatMetricsCollector({ clock, guard: options.egress }),
      bilibiliMetricsCollector({ baseUrl: testBaseUrl('CREATORFLOW_BILIBILI_API_BASE') }),
      // 小红书, 抖音, 快手, 视频号, 微博, 知乎, 头条: their data pages, with the login saved for publishing.
      ...browserMetricsCollectors({ pool: () => this.#pool(), clock }),
    ];
    const log = options.log ?? { warn: () => undefined, error: () => undefined };
    this.scheduler = new MetricsScheduler({
      database,
      clock,
      collectors,
      readSecret: (account, kind, why) => this.#readSecret(account, kind, why),
      log,
      onComments: async (post, comments) => void (await this.metrics.classify(post, comments)),
    });
    this.metrics = new MetricsService(this.scheduler, clock, options.llm);
    this.analytics = new AnalyticsService(database, clock);
  }

  /** The server hands over its browser service (the publish pool): browser platforms' data pages are read through it. */
  useBrowser(pool: () => BrowserPool | undefined): void {
    this.#pool = pool;
  }

  /** The server hands over its publish vault's reader (unlocked local copies included). */
  useSecretReader(reader: CredentialReader): void {
    this.#readSecret = reader;
  }
}

/** Only test runs point a collector at a local fake; user input never does. */
function testBaseUrl(name: string): string | undefined {
  return process.env.VITEST || process.env.NODE_ENV === 'test' ? process.env[name] : undefined;
}

const domains = new WeakMap<Database, MetricsDomain>();

/** The process's metrics domain for this database; the first caller's options build it. */
export function metricsDomain(database: Database, options: MetricsDomainOptions): MetricsDomain {
  let domain = domains.get(database);
  if (!domain) {
    domain = new MetricsDomain(database, options);
    domains.set(database, domain);
  }
  return domain;
}
