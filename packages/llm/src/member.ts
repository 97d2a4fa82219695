import type { Prices } from './pricing.ts';

/** One concrete upstream a request can go to: a provider account and a model on it. */
export interface Member {
  /** `providerId/model`: identity for circuit breakers and cooldowns. */
  id: string;
  providerId: string;
  /** Provider name as shown to users (`openai`, `deepseek`, …). */
  provider: string;
  wire: 'openai' | 'anthropic';
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  tier: number;
  weight: number;
  prices: Prices;
  maxOutput: number;
}

/** What a requested model name resolved to. */
export interface Target {
  /** The group alias or `provider:model` the caller asked for. */
  alias: string;
  members: Member[];
}
