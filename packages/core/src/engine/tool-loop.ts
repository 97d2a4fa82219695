import type { CallAttribution, ChatMessage, ChatRequest, ChatResult, ToolCall, ToolSpec } from '../llm-port.ts';

/**
 * How an `agent` node runs its tool-calling loop. The engine keeps what a
 * run needs (budgets, the cost ledger, events, tool resolution, retries,
 * checkpoints); the runner only sequences model calls and tool calls.
 * `packages/llm` implements it with the Vercel AI SDK (`AiSdkToolLoop`,
 * decision 0203); core stays free of that dependency.
 */
export interface ToolLoopRunner {
  run(request: ToolLoopRequest): Promise<ToolLoopResult>;
}

/** A tool call the loop parsed and is allowed to run. */
export interface ToolLoopCall {
  id: string;
  name: string;
  /** The arguments, parsed from the model's JSON (not yet checked against the tool's schema). */
  input: unknown;
}

export interface ToolLoopRequest {
  model: string;
  /** The conversation so far (system and user prompt for a fresh node). */
  messages: ChatMessage[];
  tools: ToolSpec[];
  /** Most model calls the loop may make. */
  maxSteps: number;
  temperature?: number;
  maxOutputTokens?: number;
  attribution: CallAttribution;
  signal: AbortSignal;
  /**
   * Makes one model call. The runner must make every call through it: it
   * applies the run's budget, writes the cost ledger and emits cost events.
   * Calls are made with `onDelta` set (streamed).
   */
  call(request: ChatRequest): Promise<ChatResult>;
  /**
   * Runs one tool call and resolves to the text the model gets back — a
   * tool's failure included, so the model can correct itself. Rejects only
   * when the run must stop (cancel, timeout).
   */
  runTool(call: ToolLoopCall, signal: AbortSignal): Promise<string>;
  /** A call the runner refused (unknown tool, arguments not JSON); the model is told why. */
  onInvalidToolCall(call: Pick<ToolCall, 'id' | 'name'>, reason: string): void;
  /** Streamed text of model call number `step` (from 1). */
  onDelta(text: string, step: number): void;
}

export interface ToolLoopResult {
  /** Text of the last model call: the answer when `unfinished` is false. */
  text: string;
  /** Model calls made. */
  steps: number;
  finishReason: ChatResult['finishReason'];
  /** The last model call still asked for tools: the loop hit `maxSteps`, or the reply was cut off mid-call. */
  unfinished: boolean;
}
