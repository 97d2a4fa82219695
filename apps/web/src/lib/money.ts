import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { api } from '../api/client.ts';
import type { ApiResponse } from '../api/schema.ts';
import { useI18n, type Locale } from '../i18n/i18n.tsx';

/**
 * Money as one view shows it. The API's costs are US cents (the ledger); amounts
 * a person enters are sent with their currency. Every amount on screen is in the
 * person's currency — 元 by default in Chinese, dollars in English — converted
 * with the workspace's rate (设置), so no view mixes $ and ¥.
 */
export type Currency = 'CNY' | 'USD';
export type ExchangeRate = ApiResponse<'/api/llm/exchange-rate'>;

const STORAGE_KEY = 'cf.currency';
/** Shown until the workspace's rate has loaded (the server's default). */
const DEFAULT_CNY_PER_USD = 7.2;
/** Above this (in the person's currency) a budget is more likely a typo than a plan: ask first. */
export const LARGE_BUDGET: Record<Currency, number> = { CNY: 100_000, USD: 15_000 };

const listeners = new Set<() => void>();
function savedCurrency(): Currency | null {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'CNY' || saved === 'USD' ? saved : null;
  } catch {
    return null;
  }
}
export function setCurrency(next: Currency): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not persisted; the choice lasts for this page.
  }
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const defaultCurrency = (locale: Locale): Currency => (locale === 'zh-CN' ? 'CNY' : 'USD');

export function useExchangeRate() {
  return useQuery({ queryKey: ['exchange-rate'], queryFn: () => api<ExchangeRate>('/api/llm/exchange-rate'), staleTime: 60_000, retry: false });
}

export interface Money {
  currency: Currency;
  symbol: string;
  cnyPerUsd: number;
  /** A ledger amount (US cents) in the person's currency, e.g. "¥0.0144". */
  format(usdCents: number | null | undefined): string;
  /** A ledger amount (US cents) as a number of major units of the person's currency (for charts). */
  major(usdCents: number): number;
  /** A stored amount with its own currency (minor units or per-million prices) in the person's currency, as a number. */
  convert(amount: number, from: Currency): number;
}

const SYMBOL: Record<Currency, string> = { CNY: '¥', USD: '$' };

export function formatMajor(amount: number, currency: Currency): string {
  // Model calls cost fractions of a fen: up to four decimals below one, two above.
  const max = Math.abs(amount) < 1 ? 4 : 2;
  return `${SYMBOL[currency]}${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: max })}`;
}

export function useMoney(): Money {
  const { locale } = useI18n();
  const saved = useSyncExternalStore(subscribe, savedCurrency, () => null);
  const currency = saved ?? defaultCurrency(locale);
  const rate = useExchangeRate();
  const cnyPerUsd = rate.data?.cny_per_usd ?? DEFAULT_CNY_PER_USD;
  const convert = useCallback((amount: number, from: Currency) => (from === currency ? amount : from === 'USD' ? amount * cnyPerUsd : amount / cnyPerUsd), [currency, cnyPerUsd]);
  const major = useCallback((usdCents: number) => convert(usdCents, 'USD') / 100, [convert]);
  const format = useCallback((usdCents: number | null | undefined) => (usdCents === null || usdCents === undefined ? '—' : formatMajor(major(usdCents), currency)), [major, currency]);
  return useMemo(() => ({ currency, symbol: SYMBOL[currency], cnyPerUsd, format, major, convert }), [currency, cnyPerUsd, format, major, convert]);
}
