import { maskSecret, resealStale, SecretBox } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

export { maskSecret };

/** Provider API keys at rest: the one secret box (core secret-box.ts) under the server secret. */
const box = (secretKey: string): SecretBox => SecretBox.forPurpose(secretKey, 'llm-provider');

export function encryptSecret(plain: string, secretKey: string): string {
  return box(secretKey).seal(plain);
}

export function decryptSecret(sealed: string, secretKey: string): string {
  return box(secretKey).open(sealed);
}

/** Seals provider keys written in the old format again (start-up, runtime reseal-secrets.ts). Returns how many. */
export async function resealProviderKeys(database: Database, secretKey: string): Promise<{ resealed: number; unreadable: number }> {
  const rows = await database.query<{ id: string; sealed: string }>("SELECT id, api_key_enc AS sealed FROM llm_providers WHERE api_key_enc IS NOT NULL AND api_key_enc NOT LIKE 'v2.%'");
  const { updates, unreadable } = resealStale(box(secretKey), rows);
  // Compare-and-set: a key changed meanwhile is already in the new format.
  for (const u of updates) await database.query('UPDATE llm_providers SET api_key_enc = $1 WHERE id = $2 AND api_key_enc = $3', [u.to, u.id, u.from]);
  return { resealed: updates.length, unreadable: unreadable.length };
}
