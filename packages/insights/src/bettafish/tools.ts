import { z } from 'zod';
import { CreatorFlowError, type ToolDefinition } from '@creatorflow/core';
import { reportText, type OpinionReports } from './reports.ts';

const output = z.object({
  report_id: z.string(),
  topic: z.string(),
  stage: z.enum(['searching', 'generating', 'completed', 'failed']),
  progress: z.number(),
  /** The finished report as plain text (for the next node's prompt). */
  text: z.string().nullable(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
});

/**
 * `public_opinion_report`: a BettaFish 舆情报告 on a topic. Starts one (or follows
 * `report_id`), waits up to `wait_minutes`, and answers where it got; a report
 * not finished in time keeps going and the next call with its id picks it up.
 * Fails with BETTAFISH_NOT_CONFIGURED (the UI says how to connect one) when the
 * workspace has no BettaFish server and BETTAFISH_URL is not set.
 */
export function publicOpinionReportTool(reports: () => OpinionReports, options: { intervalMs?: number } = {}): ToolDefinition<{ topic: string; report_id?: string; wait_minutes: number }, z.infer<typeof output>> {
  return {
    name: 'public_opinion_report',
    description: 'A public-opinion report (舆情报告) on a topic from the connected BettaFish server: sentiment, voices and spread across platforms, as text.',
    input: z.object({ topic: z.string().min(1).max(200), report_id: z.string().max(64).optional(), wait_minutes: z.coerce.number().min(0).max(60).default(30) }),
    output,
    runtime: 'universal',
    capabilities: ['network'],
    async run(input, ctx) {
      const service = reports();
      const started = input.report_id ? await service.get(ctx.workspaceId, input.report_id) : await service.start(ctx.workspaceId, input.topic, ctx.userId);
      const report = await service.waitFor(ctx.workspaceId, started.id, { timeoutMs: input.wait_minutes * 60_000, intervalMs: options.intervalMs, signal: ctx.signal });
      if (report.stage === 'failed') throw new CreatorFlowError(report.errorCode ?? 'BETTAFISH_REPORT_FAILED', report.errorMessage ?? 'the report failed', { status: 502 });
      return {
        report_id: report.id, topic: report.topic, stage: report.stage, progress: report.progress,
        text: report.html ? reportText(report.html) : null, error_code: report.errorCode, error_message: report.errorMessage,
      };
    },
  };
}
