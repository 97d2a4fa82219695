import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { newUuid, type Clock } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { PublishMethod } from '../adapter.ts';
import type { JobStatus, PublishAttempt, PublishEvent, PublishJob } from './types.ts';

const j = schema.publishJobs;
const a = schema.publishAttempts;
const e = schema.publishEvents;

/** Rows of publish jobs, attempts and events. Every query is scoped by workspace or by a job id from one. */
export class PublishJobRepository {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async insertJobs(rows: Array<typeof j.$inferInsert>): Promise<void> {
    if (rows.length === 0) return;
    for (let i = 0; i < rows.length; i += 500) await this.database.db.insert(j).values(rows.slice(i, i + 500));
  }

  async get(id: string, workspaceId?: string): Promise<PublishJob | undefined> {
    const rows = await this.database.db
      .select()
      .from(j)
      .where(workspaceId ? and(eq(j.id, id), eq(j.workspaceId, workspaceId)) : eq(j.id, id));
    return rows[0] as PublishJob | undefined;
  }

  /**
   * Jobs newest first. `afterId` is the last job of the previous page: the
   * next page starts below its (created_at, id), compared in SQL because
   * created_at has microseconds a JavaScript Date would round off.
   */
  async list(workspaceId: string, filter: { status?: JobStatus; batchId?: string; limit: number; before?: Date; afterId?: string }): Promise<PublishJob[]> {
    const where = [eq(j.workspaceId, workspaceId)];
    if (filter.status) where.push(eq(j.status, filter.status));
    if (filter.batchId) where.push(eq(j.batchId, filter.batchId));
    if (filter.before) where.push(lt(j.createdAt, filter.before));
    if (filter.afterId) where.push(sql`(${j.createdAt}, ${j.id}) < (select c.created_at, c.id from ${j} c where c.id = ${filter.afterId} and c.workspace_id = ${workspaceId})`);
    return (await this.database.db.select().from(j).where(and(...where)).orderBy(desc(j.createdAt), desc(j.id)).limit(filter.limit)) as unknown as PublishJob[];
  }

  /** Every job of these works in the workspace (what 作品 shows as each work's publications). */
  async forWorks(workspaceId: string, workIds: readonly string[]): Promise<PublishJob[]> {
    if (workIds.length === 0) return [];
    return (await this.database.db
      .select()
      .from(j)
      .where(and(eq(j.workspaceId, workspaceId), inArray(j.workId, [...workIds])))
      .orderBy(desc(j.createdAt))) as unknown as PublishJob[];
  }

  /** Moves a job between states only from the expected ones; returns the updated row or undefined. */
  async transition(id: string, from: JobStatus[], patch: Partial<typeof j.$inferInsert>): Promise<PublishJob | undefined> {
    const rows = await this.database.db
      .update(j)
      .set({ ...patch, updatedAt: this.clock.now() })
      .where(and(eq(j.id, id), inArray(j.status, from)))
      .returning();
    return rows[0] as PublishJob | undefined;
  }

  async attempts(jobId: string): Promise<PublishAttempt[]> {
    return (await this.database.db.select().from(a).where(eq(a.jobId, jobId)).orderBy(asc(a.number))) as PublishAttempt[];
  }

  async getAttempt(id: string, workspaceId: string): Promise<PublishAttempt | undefined> {
    const rows = await this.database.db.select().from(a).where(and(eq(a.id, id), eq(a.workspaceId, workspaceId)));
    return rows[0] as PublishAttempt | undefined;
  }

  async startAttempt(job: PublishJob, method: PublishMethod): Promise<PublishAttempt> {
    const number = job.attemptCount + 1;
    const now = this.clock.now();
    const [row] = await this.database.db.transaction(async (tx) => {
      await tx.update(j).set({ attemptCount: number, updatedAt: now }).where(eq(j.id, job.id));
      return tx.insert(a).values({ id: newUuid(), workspaceId: job.workspaceId, jobId: job.id, number, method, status: 'running', startedAt: now }).returning();
    });
    job.attemptCount = number;
    return row as PublishAttempt;
  }

  /** Written before the irreversible action: evidence for reconciliation after a crash. */
  async markSubmitting(attemptId: string): Promise<void> {
    await this.database.db.update(a).set({ status: 'submitting', submittedAt: this.clock.now() }).where(eq(a.id, attemptId));
  }

  async finishAttempt(attempt: PublishAttempt, patch: Partial<typeof a.$inferInsert>): Promise<void> {
    const now = this.clock.now();
    await this.database.db
      .update(a)
      .set({ ...patch, finishedAt: now, durationMs: now.getTime() - new Date(attempt.startedAt).getTime() })
      .where(eq(a.id, attempt.id));
  }

  async addEvent(job: Pick<PublishJob, 'id' | 'workspaceId'>, type: string, data: Record<string, unknown>): Promise<PublishEvent> {
    const [row] = await this.database.db.insert(e).values({ workspaceId: job.workspaceId, jobId: job.id, type, data }).returning();
    return row as PublishEvent;
  }

  async events(jobId: string, afterId = 0): Promise<PublishEvent[]> {
    return (await this.database.db
      .select()
      .from(e)
      .where(and(eq(e.jobId, jobId), sql`${e.id} > ${afterId}`))
      .orderBy(asc(e.id))) as PublishEvent[];
  }

  /** Scheduled/queued jobs whose queue entry is missing (a crash between insert and enqueue). */
  async orphans(limit: number): Promise<PublishJob[]> {
    const rows = await this.database.query<{ id: string }>(
      `SELECT p.id FROM publish_jobs p WHERE p.status IN ('scheduled','queued')
         AND (p.queue_job_id IS NULL OR NOT EXISTS (SELECT 1 FROM jobs q WHERE q.queue = 'publish' AND q.id = p.queue_job_id))
       ORDER BY p.run_at LIMIT $1`,
      [limit],
    );
    const out: PublishJob[] = [];
    for (const r of rows) {
      const job = await this.get(r.id);
      if (job) out.push(job);
    }
    return out;
  }
}
