import { useQuery } from '@tanstack/react-query';
import { useEffect, useReducer } from 'react';
import { api, apiResponse } from './client.ts';
import type { ApiResponse, PageItem } from './schema.ts';

// The runtime's HTTP contract, from the generated OpenAPI types (`npm run api:types`).

/** A run as GET /api/runs/:id answers it (also the answer of starting and cancelling one). */
export type Run = ApiResponse<'/api/runs/{id}'>;
/** A run in a list: its `subject` (the topic or other main text input, shortened) instead of its inputs. */
export type RunListItem = PageItem<'/api/runs'>;
export type RunStatus = Run['status'];
/** One run event; the SSE stream sends the same JSON as the `?format=json` page. */
export type RunEvent = ApiResponse<'/api/runs/{id}/events'>['items'][number];

export type GraphInfo = PageItem<'/api/graphs'>;
/** What a run of a graph takes; the start form is generated from these and sends only them. */
export type GraphInput = GraphInfo['inputs'][string];
export type GraphInputWidget = NonNullable<GraphInput['widget']>;
/** A graph's texts in another language (keyed by locale in `locales`). */
export type GraphLocaleText = GraphInfo['locales'][string];

/** The graphs a run can start from (built-in and the workspace's own), shared by every page that offers them. */
export function useGraphs() {
  return useQuery({ queryKey: ['graphs'], queryFn: () => api<ApiResponse<'/api/graphs'>>('/api/graphs') });
}

export const TERMINAL_RUN: RunStatus[] = ['completed', 'failed', 'cancelled'];

interface StreamState {
  events: RunEvent[];
  done: boolean;
  error?: unknown;
}

type Action = { type: 'events'; events: RunEvent[] } | { type: 'done' } | { type: 'error'; error: unknown } | { type: 'reset' };

function reduce(state: StreamState, action: Action): StreamState {
  switch (action.type) {
    case 'events': {
      const last = state.events[state.events.length - 1]?.seq ?? 0;
      const fresh = action.events.filter((e) => e.seq > last);
      return fresh.length > 0 ? { ...state, events: [...state.events, ...fresh] } : state;
    }
    case 'done':
      return { ...state, done: true };
    case 'error':
      return { ...state, error: action.error };
    case 'reset':
      return { events: [], done: false };
  }
}

const TERMINAL_EVENTS = new Set(['run_completed', 'run_failed', 'run_cancelled']);

/** Parses SSE frames from a text buffer; returns the events and the unparsed rest. */
export function parseSse(buffer: string): { events: RunEvent[]; rest: string } {
  const events: RunEvent[] = [];
  const frames = buffer.split('\n\n');
  const rest = frames.pop() ?? '';
  for (const frame of frames) {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (!data) continue;
    try {
      events.push(JSON.parse(data) as RunEvent);
    } catch {
      // A malformed frame is skipped; the next reconnect replays from the last good seq.
    }
  }
  return { events, rest };
}

/**
 * Follows a run's events over SSE with fetch (so cloud-mode Bearer tokens
 * work, which EventSource cannot send). Reconnects from the last seen seq
 * after a network drop; stops at the run's terminal event.
 */
export function useRunEvents(runId: string | undefined): StreamState {
  const [state, dispatch] = useReducer(reduce, { events: [], done: false });
  useEffect(() => {
    if (!runId) return;
    dispatch({ type: 'reset' });
    const controller = new AbortController();
    let after = 0;
    let stopped = false;
    const follow = async () => {
      for (let attempt = 0; !stopped && attempt < 30; attempt++) {
        try {
          const response = await apiResponse(`/api/runs/${runId}/events`, { query: { after }, headers: { accept: 'text/event-stream' }, signal: controller.signal });
          const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const parsed = parseSse(buffer + value);
            buffer = parsed.rest;
            if (parsed.events.length > 0) {
              after = parsed.events[parsed.events.length - 1]!.seq;
              dispatch({ type: 'events', events: parsed.events });
              if (parsed.events.some((e) => TERMINAL_EVENTS.has(e.type))) {
                stopped = true;
                dispatch({ type: 'done' });
                return;
              }
            }
          }
        } catch (error) {
          if (controller.signal.aborted) return;
          dispatch({ type: 'error', error });
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 5_000)));
      }
    };
    void follow();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, [runId]);
  return state;
}
