import type { Database } from '@creatorflow/db';

export interface CloudLink {
  workspaceId: string;
  cloudUrl: string;
  cloudWorkspaceId: string;
  cloudWorkspaceName: string;
  cloudUserEmail: string;
  cloudTokenId: string;
  tokenStore: 'keychain' | 'file';
  linkedAt: Date;
}

interface Row {
  workspace_id: string;
  cloud_url: string;
  cloud_workspace_id: string;
  cloud_workspace_name: string;
  cloud_user_email: string;
  cloud_token_id: string;
  token_store: 'keychain' | 'file';
  linked_at: string | Date;
}

const toLink = (r: Row): CloudLink => ({
  workspaceId: r.workspace_id,
  cloudUrl: r.cloud_url,
  cloudWorkspaceId: r.cloud_workspace_id,
  cloudWorkspaceName: r.cloud_workspace_name,
  cloudUserEmail: r.cloud_user_email,
  cloudTokenId: r.cloud_token_id,
  tokenStore: r.token_store,
  linkedAt: r.linked_at instanceof Date ? r.linked_at : new Date(r.linked_at),
});

/** All SQL over `cloud_links` (local side). */
export class CloudLinkStore {
  constructor(private readonly database: Database) {}

  async get(workspaceId: string): Promise<CloudLink | undefined> {
    const [row] = await this.database.query<Row>('SELECT * FROM cloud_links WHERE workspace_id = $1', [workspaceId]);
    return row ? toLink(row) : undefined;
  }

  /** The workspaces of this install that have a link (auto sync goes over them). */
  async linkedWorkspaceIds(): Promise<string[]> {
    const rows = await this.database.query<{ workspace_id: string }>('SELECT workspace_id FROM cloud_links ORDER BY linked_at');
    return rows.map((r) => r.workspace_id);
  }

  async save(link: Omit<CloudLink, 'linkedAt'>): Promise<CloudLink> {
    const [row] = await this.database.query<Row>(
      `INSERT INTO cloud_links (workspace_id, cloud_url, cloud_workspace_id, cloud_workspace_name, cloud_user_email, cloud_token_id, token_store)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace_id) DO UPDATE SET cloud_url = EXCLUDED.cloud_url, cloud_workspace_id = EXCLUDED.cloud_workspace_id,
         cloud_workspace_name = EXCLUDED.cloud_workspace_name, cloud_user_email = EXCLUDED.cloud_user_email,
         cloud_token_id = EXCLUDED.cloud_token_id, token_store = EXCLUDED.token_store, linked_at = now()
       RETURNING *`,
      [link.workspaceId, link.cloudUrl, link.cloudWorkspaceId, link.cloudWorkspaceName, link.cloudUserEmail, link.cloudTokenId, link.tokenStore],
    );
    return toLink(row!);
  }

  async delete(workspaceId: string): Promise<void> {
    await this.database.query('DELETE FROM cloud_links WHERE workspace_id = $1', [workspaceId]);
  }
}
