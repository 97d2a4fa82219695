import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ValidationError, toFieldIssues } from '@creatorflow/core';
import { parseStdioAllow } from '../tools/mcp-policy.ts';
import { browserPath } from './find-browser.ts';

/**
 * Every setting CreatorFlow reads, parsed once at start-up from the environment
 * and an optional JSON config file (`--config FILE`, or `<home>/config.json`).
 * Environment variables win over the file. Nothing else reads `process.env`.
 */
const configSchema = z.object({
  mode: z.enum(['local', 'cloud']),
  home: z.string().min(1),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  publicUrl: z.string().url().optional(),
  /**
   * Which peers may set X-Forwarded-For (client IPs drive the auth rate limit and the audit log):
   * CREATORFLOW_TRUST_PROXY, comma-separated addresses or CIDRs of your load balancers / reverse
   * proxies (or proxy-addr names: loopback, linklocal, uniquelocal). Cloud default: `loopback` only
   * (a proxy on the same host); any other peer on the private network could otherwise pose as any
   * client. `false` trusts nobody. Local mode: nobody.
   */
  trustProxy: z.union([z.literal(false), z.string().min(1)]),
  /**
   * Internal targets the operator allows user URLs to reach in cloud mode
   * (`host` or `host:port`, comma-separated in CREATORFLOW_EGRESS_ALLOW), e.g. an
   * in-cluster model server. Everything else internal is refused (docs/security.md).
   */
  egressAllow: z.array(z.string().min(1)),
  databaseUrl: z.string().url().optional(),
  redisUrl: z.string().url().optional(),
  /** Prefix of every Redis key this deployment writes, so several deployments (or tests) can share one Redis. */
  redisPrefix: z.string().max(64),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Signs access tokens in cloud mode; every server copy must share it. */
  jwtSecret: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Encrypts secrets at rest (provider keys, synced credentials) in cloud mode; base64 of 32 bytes or any long passphrase. */
  secretKey: z.string().min(32, 'must be at least 32 characters').optional(),
  accessTokenTtlSeconds: z.coerce.number().int().positive(),
  refreshTokenTtlSeconds: z.coerce.number().int().positive(),
  /** How long a just-rotated refresh token is still honoured (two tabs, a reload mid-renewal); reuse after it ends the session. */
  refreshReuseGraceSeconds: z.coerce.number().int().min(0).max(300),
  rateLimit: z.object({
    authPerMinute: z.coerce.number().int().positive(),
    apiPerMinute: z.coerce.number().int().positive(),
  }),
  s3: z
    .object({
      endpoint: z.string().url().optional(),
      region: z.string().default('us-east-1'),
      bucket: z.string().min(1),
      accessKeyId: z.string().optional(),
      secretAccessKey: z.string().optional(),
      forcePathStyle: z.boolean().default(true),
    })
    .optional(),
  upload: z.object({ maxBytes: z.coerce.number().int().positive() }),
  llm: z.object({
    defaultModel: z.string().optional(),
    /** Provider keys and base URLs found in the environment (`OPENAI_API_KEY`, `DEEPSEEK_BASE_URL`, …), seeded on first start. */
    providerEnv: z.record(z.string(), z.string()),
  }),
  chromiumPath: z.string().min(1),
  /**
   * Exact command lines (`command arg …`) a stdio MCP server may run in cloud mode
   * (`CREATORFLOW_MCP_STDIO_ALLOW`: a JSON array or one per line). Empty: none — workspace
   * users can then only add http MCP servers. Local mode runs the user's own commands.
   */
  mcpStdioAllow: z.array(z.string().min(1)),
  /** Device-code sign-in of desktops (cloud): how long a code lives and how often a desktop may poll. */
  deviceLogin: z.object({ expiresInSeconds: z.coerce.number().int().min(60).max(3600), intervalSeconds: z.coerce.number().int().min(1).max(60) }),
  /** Auto sync of a linked local install: every `intervalSeconds` (0 = only after changes) and `debounceMs` after the last local change. */
  sync: z.object({ intervalSeconds: z.coerce.number().int().min(0).max(86_400), debounceMs: z.coerce.number().int().min(100).max(600_000) }),
  /** How a new local home gets its database: from the bundled initdb snapshot (fast) or by running initdb (decision 0101). */
  pgliteSeed: z.enum(['bundled', 'initdb']),
  webDist: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;
export type Mode = Config['mode'];

export interface ConfigOverrides {
  mode?: Mode;
  home?: string;
  port?: number;
  host?: string;
  configFile?: string;
}

type Env = Record<string, string | undefined>;

const PROVIDER_ENV = /^(OPENAI|ANTHROPIC|DEEPSEEK|DASHSCOPE|QWEN|ZHIPU|GLM|MOONSHOT|KIMI|DOUBAO|ARK|VOLCENGINE|SILICONFLOW|OLLAMA)_(API_KEY|BASE_URL)$/;

export function defaultHome(env: Env = process.env): string {
  return resolve(env.CREATORFLOW_HOME ?? join(homedir(), '.creatorflow'));
}

export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const mode = overrides.mode ?? (env.CREATORFLOW_MODE === 'cloud' ? 'cloud' : 'local');
  const home = resolve(overrides.home ?? defaultHome(env));
  const file = readConfigFile(overrides.configFile ?? env.CREATORFLOW_CONFIG ?? join(home, 'config.json'), !!overrides.configFile);

  const providerEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (PROVIDER_ENV.test(key) && value) providerEnv[key] = value;

  const s3Bucket = env.S3_BUCKET ?? (file.s3 as Record<string, unknown> | undefined)?.bucket;
  const raw = {
    mode,
    home,
    host: overrides.host ?? env.CREATORFLOW_HOST ?? file.host ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    port: overrides.port ?? env.CREATORFLOW_PORT ?? env.PORT ?? file.port ?? 7788,
    publicUrl: env.CREATORFLOW_PUBLIC_URL ?? file.publicUrl,
    trustProxy: parseTrustProxy(env.CREATORFLOW_TRUST_PROXY ?? file.trustProxy, mode),
    egressAllow: parseList(env.CREATORFLOW_EGRESS_ALLOW ?? file.egressAllow),
    databaseUrl: env.DATABASE_URL ?? file.databaseUrl,
    redisUrl: env.REDIS_URL ?? file.redisUrl,
    redisPrefix: env.CREATORFLOW_REDIS_PREFIX ?? file.redisPrefix ?? 'cf:',
    logLevel: env.LOG_LEVEL ?? file.logLevel ?? 'info',
    jwtSecret: env.CREATORFLOW_JWT_SECRET ?? file.jwtSecret,
    secretKey: env.CREATORFLOW_SECRET_KEY ?? file.secretKey,
    accessTokenTtlSeconds: env.CREATORFLOW_ACCESS_TOKEN_TTL ?? file.accessTokenTtlSeconds ?? 900,
    refreshTokenTtlSeconds: env.CREATORFLOW_REFRESH_TOKEN_TTL ?? file.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
    refreshReuseGraceSeconds: env.CREATORFLOW_REFRESH_REUSE_GRACE ?? file.refreshReuseGraceSeconds ?? 30,
    rateLimit: {
      authPerMinute: env.CREATORFLOW_RATE_LIMIT_AUTH ?? (file.rateLimit as Record<string, unknown> | undefined)?.authPerMinute ?? 20,
      apiPerMinute: env.CREATORFLOW_RATE_LIMIT_API ?? (file.rateLimit as Record<string, unknown> | undefined)?.apiPerMinute ?? 600,
    },
    s3: s3Bucket
      ? {
          ...(file.s3 as Record<string, unknown> | undefined),
          ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
          ...(env.S3_REGION ? { region: env.S3_REGION } : {}),
          bucket: s3Bucket,
          ...(env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID } : {}),
          ...(env.S3_SECRET_ACCESS_KEY ? { secretAccessKey: env.S3_SECRET_ACCESS_KEY } : {}),
          ...(env.S3_FORCE_PATH_STYLE ? { forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false' } : {}),
        }
      : undefined,
    upload: { maxBytes: env.CREATORFLOW_UPLOAD_MAX_BYTES ?? (file.upload as Record<string, unknown> | undefined)?.maxBytes ?? 512 * 1024 * 1024 },
    llm: { defaultModel: env.CREATORFLOW_DEFAULT_MODEL ?? (file.llm as Record<string, unknown> | undefined)?.defaultModel, providerEnv },
    // Debian's path when nothing is installed, so /api/system and publishing can say it is missing.
    chromiumPath: browserPath(env.CREATORFLOW_CHROMIUM ?? (file.chromiumPath as string | undefined), { platform: process.platform, env }) ?? '/usr/bin/chromium',
    deviceLogin: { expiresInSeconds: env.CREATORFLOW_DEVICE_CODE_TTL ?? 600, intervalSeconds: env.CREATORFLOW_DEVICE_POLL_INTERVAL ?? 5 },
    sync: { intervalSeconds: env.CREATORFLOW_SYNC_INTERVAL ?? 300, debounceMs: env.CREATORFLOW_SYNC_DEBOUNCE_MS ?? 5_000 },
    mcpStdioAllow: parseStdioAllowSetting(env.CREATORFLOW_MCP_STDIO_ALLOW ?? file.mcpStdioAllow),
    pgliteSeed: env.CREATORFLOW_PGLITE_SEED ?? file.pgliteSeed ?? 'bundled',
    webDist: env.CREATORFLOW_WEB_DIST ?? file.webDist,
  };

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      toFieldIssues(parsed.error.issues),
    );
  }
  const config = parsed.data;
  if (config.mode === 'cloud') requireCloudSettings(config);
  return config;
}

function parseStdioAllowSetting(value: unknown): string[] {
  try {
    return parseStdioAllow(value);
  } catch (error) {
    throw new ValidationError(`Invalid configuration: CREATORFLOW_MCP_STDIO_ALLOW: ${(error as Error).message}`, [
      { path: 'CREATORFLOW_MCP_STDIO_ALLOW', message: 'a JSON array of command lines, or one command line per line' },
    ]);
  }
}

function parseList(value: unknown): unknown {
  if (value === undefined) return [];
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
  return value;
}

function parseTrustProxy(value: unknown, mode: Mode): false | string | unknown {
  if (value === undefined) return mode === 'cloud' ? 'loopback' : false;
  return value === false || value === 'false' || value === '' ? false : value;
}

function requireCloudSettings(config: Config): void {
  const missing: Array<{ path: string; message: string }> = [];
  if (!config.databaseUrl)
    missing.push({ path: 'DATABASE_URL', message: 'cloud mode needs PostgreSQL: set DATABASE_URL=postgres://user:pass@host:5432/db' });
  if (!config.redisUrl)
    missing.push({ path: 'REDIS_URL', message: 'cloud mode needs Redis: set REDIS_URL=redis://host:6379' });
  if (!config.jwtSecret)
    missing.push({ path: 'CREATORFLOW_JWT_SECRET', message: 'set a random secret of 32+ characters shared by every server copy (e.g. `openssl rand -hex 32`)' });
  if (!config.secretKey)
    missing.push({ path: 'CREATORFLOW_SECRET_KEY', message: 'set a random key of 32+ characters used to encrypt secrets at rest (e.g. `openssl rand -hex 32`)' });
  if (missing.length > 0) {
    throw new ValidationError(
      `Cloud mode is missing settings:\n${missing.map((m) => `  - ${m.path}: ${m.message}`).join('\n')}`,
      missing,
    );
  }
}

function readConfigFile(path: string, required: boolean): Record<string, unknown> {
  if (!existsSync(path)) {
    if (required) throw new ValidationError(`Config file ${path} does not exist`, [{ path: 'configFile', message: 'not found' }]);
    return {};
  }
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('top level must be an object');
    return value as Record<string, unknown>;
  } catch (cause) {
    throw new ValidationError(`Config file ${path} is not valid JSON: ${(cause as Error).message}`, [
      { path: 'configFile', message: (cause as Error).message },
    ]);
  }
}
