import { startFakeLlm } from '@creatorflow/testing/fake-llm/index';

/** Child process of the gateway benchmark: the fake upstream, alone on its own event loop. */
const fake = await startFakeLlm();
process.send?.({ url: fake.url });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'reset') fake.reset();
});
// The fake records every request; the benchmark resets it between phases so the record does not grow without end.
process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
