import type { IsolationFixture } from '../testing/isolation.ts';

/** Workspace B's own objects for the isolation test: the workspace, a member, a token and an invitation. */
export const isolationFixtures: IsolationFixture[] = [
  {
    prefix: '/api/workspaces/',
    async create(b) {
      const token = await b.call<{ id: string }>('POST', `/api/workspaces/${b.owner.workspaceId}/tokens`, { name: 'b-token' });
      const invitation = await b.call<{ id: string }>('POST', `/api/workspaces/${b.owner.workspaceId}/invitations`, {
        email: 'invitee@example.com',
        role: 'viewer',
      });
      return { id: b.owner.workspaceId, userId: b.owner.userId, tokenId: token.id, invitationId: invitation.id };
    },
    bodies: {
      'PATCH /api/workspaces/:id': { name: 'stolen' },
      'PATCH /api/workspaces/:id/members/:userId': { role: 'viewer' },
      'POST /api/workspaces/:id/tokens': { name: 'stolen' },
      'POST /api/workspaces/:id/invitations': { email: 'attacker@example.com', role: 'admin' },
    },
  },
];
