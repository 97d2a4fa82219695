/** What the runtime's built-in tools need from the library, as small ports (the library implements them). */
export interface KnowledgeHit {
  kind: string;
  id: string;
  title: string;
  snippet: string;
  tags: string[];
  score: number;
}

export interface KnowledgeSearch {
  search(workspaceId: string, query: { q: string; limit: number; kinds?: string[]; tags?: string[] }): Promise<KnowledgeHit[]>;
}

export interface SavedWork {
  id: string;
  version: number;
  title: string;
}

export interface WorkSaver {
  save(actor: { workspaceId: string; userId?: string }, work: { kind: string; title: string; body: string; tags: string[]; platforms: string[] }): Promise<SavedWork>;
}

export interface WorkReader {
  load(actor: { workspaceId: string; userId?: string }, id: string): Promise<SavedWork & { body: string; tags: string[]; platforms: string[] }>;
}
