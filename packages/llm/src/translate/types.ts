/** A JSON object as read from or written to the wire; translation code narrows fields as it goes. */
export type Json = Record<string, unknown>;

export const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const asNumber = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function parseJsonObject(text: string): Json {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : { value };
  } catch {
    return {};
  }
}
