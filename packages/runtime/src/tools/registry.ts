import { Readable } from 'node:stream';
import { ToolRegistry, type LlmPort } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { Library } from '@creatorflow/library';
import type { ImageStore } from '@creatorflow/content';
import { ImageProviderStore } from '@creatorflow/content/images/provider-store';
import { egressGuardFor, type EgressGuard } from '@creatorflow/net';
import { contentTools } from '@creatorflow/content/tools/content-tools';
import { OpinionReports, bettafishUrl, hotItemsTool, metricsDomain, metricsTools, publicOpinionReportTool, saveTopicIdeasTool, suggestTopicsTool, trendTopicsTool, type TrendService } from '@creatorflow/insights';
import { publishWorkTool, type PublishToolDeps } from '@creatorflow/publish/tools/publish-work';
import { httpFetchTool } from './http-fetch.ts';
import { knowledgeSearchTool, loadWorkTool, saveWorkTool } from './library-tools.ts';
import { PLANNED_TOOLS, plannedTool } from './planned.ts';
import type { KnowledgeSearch, WorkReader, WorkSaver } from './ports.ts';

export interface ToolWiring {
  mode: 'local' | 'cloud';
  database: Database;
  /** Decrypts the workspace's image-provider keys (content tools). */
  secretKey: string;
  /**
   * The process's library: knowledge_search, save_work, load_work, save_topic_ideas and the images the content
   * tools make. Required — every process that runs graphs has one (ProcessServices), so no library tool fails there.
   */
  library: Library;
  /** The LLM layer; a function so the registry can be built before it. */
  llm: () => LlmPort | undefined;
  /** Hosts `http_fetch` may reach (default: any public host). */
  httpFetchAllow?: string[];
  /** The egress guard for `http_fetch` and image services (cloud mode: internal targets refused). */
  egress?: EgressGuard;
  /** The publish domain for `publish_work` (job service, accounts, works); a function because it is built after the registry. */
  publish?: () => PublishToolDeps | undefined;
  /**
   * The trend service for hot_items / trend_topics / suggest_topics (the API server's `ctx.trends`, a worker's own);
   * a function because it is built after the registry. Required, like the library.
   */
  trends: () => TrendService;
}

export interface WiredTools {
  registry: ToolRegistry;
  /** Tools declared for a domain that is not built yet, with why they cannot run. */
  placeholders: ReadonlyMap<string, string>;
}

/**
 * Every tool a graph can call, for every process that runs graphs (local
 * server, cloud server, cloud worker, CLI): http, library, content, metrics, publish, and a
 * placeholder for each tool of a domain not built yet. Workspace MCP tools
 * (`mcp.<server>.<tool>`) are connected per run by the worker, on top of these.
 * This is the only place tools are registered: no route plugin adds any.
 */
export function buildToolRegistry(wiring: ToolWiring): WiredTools {
  const registry = new ToolRegistry();
  const library = wiring.library;
  registry.register(httpFetchTool({ allow: wiring.httpFetchAllow ?? ['*'], guard: wiring.egress ?? egressGuardFor(wiring.mode) }));
  registry.register(knowledgeSearchTool(librarySearch(library)));
  registry.register(saveWorkTool(libraryWorks(library)));
  registry.register(loadWorkTool(libraryWorkReader(library)));
  const providers = new ImageProviderStore(wiring.database, wiring.secretKey, wiring.egress);
  for (const tool of contentTools({ llm: wiring.llm, images: (workspaceId, name) => providers.open(workspaceId, name), store: (actor) => libraryImageStore(library, actor) })) {
    registry.register(tool);
  }
  // Own-post metrics: the domain is looked up when a tool runs, so a server's (its clock, its vault) is the one used.
  const userGuard = wiring.egress ?? egressGuardFor(wiring.mode);
  for (const tool of metricsTools(() => metricsDomain(wiring.database, { secretKey: wiring.secretKey, llm: wiring.llm, egress: userGuard }))) registry.register(tool);
  // 热点 and 选题 (topic-radar, analytics): the lists are rows every copy shares, so a worker reads what the servers refreshed.
  const trends = lazyTrends(wiring.trends);
  registry.register(hotItemsTool(trends));
  registry.register(trendTopicsTool(trends));
  registry.register(suggestTopicsTool(trends, wiring.llm));
  registry.register(saveTopicIdeasTool({ save: (actor, idea) => library.ideas.create(actor, idea) }));
  // Publishing: jobs are rows and queue entries shared by every copy, so whichever process runs the graph creates them.
  registry.register(publishWorkTool(() => wiring.publish?.()));
  // BettaFish 舆情报告: BETTAFISH_URL, else the workspace's own server (through the egress guard).
  registry.register(publicOpinionReportTool(() => new OpinionReports({ database: wiring.database, serverUrl: () => bettafishUrl(), userHttp: { fetch: userGuard.asFetch() } })));
  const placeholders = new Map<string, string>();
  for (const [name, description, providedBy] of PLANNED_TOOLS) {
    if (registry.names().includes(name)) continue;
    const tool = plannedTool(name, description, providedBy);
    registry.register(tool);
    placeholders.set(name, `not installed yet — ${providedBy} provides it`);
  }
  return { registry, placeholders };
}

/**
 * The tools take a TrendService; the process's own is only built when a trend tool first
 * runs (the server's ctx.trends is built after its registry). Every method goes to it.
 */
function lazyTrends(get: () => TrendService): TrendService {
  return new Proxy({} as TrendService, {
    get: (_target, key) => {
      const service = get();
      const value = Reflect.get(service, key, service) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(service) : value;
    },
  });
}

/** Generated images and covers become library assets of the workspace. */
export function libraryImageStore(library: Library, actor: { workspaceId: string; userId?: string }): ImageStore {
  return {
    async save(image, meta) {
      const { asset } = await library.assets.upload(actor, { name: meta.name, stream: Readable.from(image.data), declaredMime: image.mediaType, tags: meta.tags });
      return { uri: asset.uri, id: asset.id };
    },
  };
}

function librarySearch(library: Library): KnowledgeSearch {
  return {
    async search(workspaceId, query) {
      const results = await library.search.search(workspaceId, {
        q: query.q,
        limit: query.limit,
        kinds: query.kinds as Parameters<Library['search']['search']>[1]['kinds'],
        tags: query.tags,
      });
      return results.hits.map((h) => ({ kind: h.kind, id: h.id, title: h.title, snippet: h.snippet, tags: h.tags, score: h.score }));
    },
  };
}

function libraryWorks(library: Library): WorkSaver {
  return {
    async save(actor, work) {
      const saved = await library.works.create(actor, {
        kind: work.kind as Parameters<Library['works']['create']>[1]['kind'],
        title: work.title,
        body: work.body,
        tags: work.tags,
        platforms: work.platforms,
      });
      return { id: saved.id, version: saved.version, title: saved.title };
    },
  };
}

function libraryWorkReader(library: Library): WorkReader {
  return {
    async load(actor, id) {
      const work = await library.works.get(actor, id);
      return { id: work.id, version: work.version, title: work.title, body: work.body, tags: work.tags, platforms: work.platforms };
    },
  };
}
