import type { Logger } from 'pino';
import type { Database } from '@creatorflow/db';
import { resealProviderKeys } from '@creatorflow/llm';
import { resealImageProviderKeys } from '@creatorflow/content/images/provider-store';
import { resealAlertChannels } from '@creatorflow/insights';
import { resealCloudCredentials } from '@creatorflow/publish';

/**
 * The start-up step of the one secret box (core secret-box.ts): every
 * server-key ciphertext still in a format of the wrappers it replaced (LLM
 * provider keys, image-service keys, alert channels, the vault's cloud copies)
 * is sealed again. Each domain owns its columns; updates are compare-and-set,
 * so server copies starting together do not overwrite each other, and running
 * it again finds nothing. Old ciphertexts open anyway, so a row this misses
 * (written meanwhile by an older copy) still works and is done next start.
 * Vault local copies need the master password: they are sealed again on unlock.
 */
export async function resealStoredSecrets(database: Database, secretKey: string, logger?: Logger): Promise<{ resealed: number; unreadable: number }> {
  const total = { resealed: 0, unreadable: 0 };
  for (const [what, step] of [
    ['llm provider keys', resealProviderKeys],
    ['image-service keys', resealImageProviderKeys],
    ['alert channels', resealAlertChannels],
    ['vault cloud copies', resealCloudCredentials],
  ] as const) {
    const result = await step(database, secretKey);
    total.resealed += result.resealed;
    total.unreadable += result.unreadable;
    if (result.resealed > 0) logger?.info({ secrets: what, resealed: result.resealed }, 'secrets sealed again in the current format');
    // Not fatal: the domain reports such a secret when it is used (the server secret changed since it was written).
    if (result.unreadable > 0) logger?.warn({ secrets: what, unreadable: result.unreadable }, 'stored secrets do not open with this server secret');
  }
  return total;
}
