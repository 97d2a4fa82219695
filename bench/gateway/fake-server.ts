import { startFakeLlm } from '@creatorflow/testing/fake-llm/index';

/**
 * Child process of the gateway benchmark: the fake upstream, alone on its own event loop.
 * BENCH_UPSTREAM_MS makes every answer wait that long before its first byte, as a real
 * model does (time to first token); without it the fake answers at once and the benchmark
 * measures CPU cost alone.
 */
const upstreamMs = Number(process.env.BENCH_UPSTREAM_MS ?? 0);
const fake = await startFakeLlm(upstreamMs > 0 ? { fallback: () => ({ text: '春茶上新｜一口回甘的明前龙井', delayMs: upstreamMs }) } : {});
process.send?.({ url: fake.url });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'reset') fake.reset();
});
// The fake records every request; the benchmark resets it between phases so the record does not grow without end.
process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
