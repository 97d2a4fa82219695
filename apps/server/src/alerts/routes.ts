import { z } from 'zod';
import type { AlertChannel, Delivery, DigestOutcome, Notification, StoredRule } from '@creatorflow/insights';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';

const tags = ['alerts'];
const kind = z.enum(['feishu', 'dingtalk', 'wecom', 'webhook', 'email']);
const idParams = z.object({ id: z.string().max(64) });

const channelSchema = z.object({ id: z.string(), name: z.string(), kind, target_hint: z.string(), has_secret: z.boolean(), enabled: z.boolean(), created_at: z.string() });
const toChannel = (c: AlertChannel): z.infer<typeof channelSchema> => ({ id: c.id, name: c.name, kind: c.kind as z.infer<typeof kind>, target_hint: c.targetHint, has_secret: c.hasSecret, enabled: c.enabled, created_at: c.createdAt.toISOString() });

const windowSchema = z.object({ start: z.string().max(5), end: z.string().max(5), utc_offset_minutes: z.number().int().min(-720).max(840).default(480) });
const ruleSchema = z.object({
  id: z.string(), name: z.string(), niche: z.string(), top_n: z.number().nullable(), min_velocity: z.number().nullable(),
  window: z.object({ start: z.string(), end: z.string(), utc_offset_minutes: z.number() }).nullable(), channel_ids: z.array(z.string()), enabled: z.boolean(), created_at: z.string(), updated_at: z.string(),
});
const toRule = (r: StoredRule): z.infer<typeof ruleSchema> => ({
  id: r.id, name: r.name, niche: r.niche, top_n: r.topN, min_velocity: r.minVelocity, window: r.window ? { start: r.window.start, end: r.window.end, utc_offset_minutes: r.window.utcOffsetMinutes } : null,
  channel_ids: r.channelIds, enabled: r.enabled, created_at: r.createdAt.toISOString(), updated_at: r.updatedAt.toISOString(),
});
const ruleBody = z.object({
  name: z.string().trim().min(1).max(60),
  niche: z.string().trim().min(1).max(4000).describe('A saved niche\'s name, or keyword rules in the niche syntax'),
  top_n: z.number().int().min(1).max(100).nullable().optional(),
  min_velocity: z.number().min(0.1).max(1000).nullable().optional(),
  window: windowSchema.nullable().optional(),
  channel_ids: z.array(z.string().max(64)).max(20).default([]),
  enabled: z.boolean().default(true),
});
const fromBody = (b: z.infer<typeof ruleBody>) => ({
  name: b.name, niche: b.niche, topN: b.top_n ?? null, minVelocity: b.min_velocity ?? null,
  window: b.window ? { start: b.window.start, end: b.window.end, utcOffsetMinutes: b.window.utc_offset_minutes } : null, channelIds: b.channel_ids, enabled: b.enabled,
});

const deliverySchema = z.object({ channel_id: z.string(), channel_name: z.string(), kind, ok: z.boolean(), error_code: z.string().nullable(), detail: z.string().nullable(), attempts: z.number().int() });
const toDelivery = (d: Delivery): z.infer<typeof deliverySchema> => ({ channel_id: d.channelId, channel_name: d.channelName, kind: d.kind as z.infer<typeof kind>, ok: d.ok, error_code: d.errorCode, detail: d.detail, attempts: d.attempts });
const outcomeSchema = z.object({ rule_id: z.string().nullable(), digest_id: z.string(), hits: z.number(), deliveries: z.array(deliverySchema), notification_id: z.string() });
const toOutcome = (o: DigestOutcome) => ({ rule_id: o.ruleId, digest_id: o.digestId, hits: o.hits, deliveries: o.deliveries.map(toDelivery), notification_id: o.notificationId });

const digestSchema = z.object({ id: z.string(), rule_id: z.string().nullable(), kind: z.string(), window_key: z.string(), title: z.string(), lines: z.array(z.string()), deliveries: z.array(deliverySchema), created_at: z.string() });
const notificationSchema = z.object({
  id: z.string(), kind: z.enum(['alert', 'weekly_report', 'bettafish']), title: z.string(), lines: z.array(z.string()), link: z.string().nullable(),
  deliveries: z.array(deliverySchema), read_at: z.string().nullable(), created_at: z.string(),
});
const deliveriesOf = (data: unknown): Array<z.infer<typeof deliverySchema>> => {
  const list = (data as { deliveries?: unknown } | null)?.deliveries;
  // Deliveries stored before retries were counted were one try each.
  return Array.isArray(list) ? (list as Array<z.infer<typeof deliverySchema>>).map((d) => ({ ...d, attempts: typeof d.attempts === 'number' ? d.attempts : 1 })) : [];
};
const toNotification = (n: Notification): z.infer<typeof notificationSchema> => ({
  id: n.id, kind: n.kind, title: n.title, lines: n.lines, link: n.link, deliveries: deliveriesOf(n.data), read_at: n.readAt ? n.readAt.toISOString() : null, created_at: n.createdAt.toISOString(),
});

/** 提醒: channels (group bots, webhooks), alert rules, digests sent, and in-app notifications. */
export const alertsRoutes: RoutePlugin = async (app, ctx) => {
  const alerts = () => ctx.alerts;

  app.get('/api/alerts/channels', { schema: { tags, summary: 'Where alerts go: 飞书/钉钉/企业微信 group bots and webhooks (addresses masked)', response: { 200: z.object({ items: z.array(channelSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: (await alerts().channels(scope.workspaceId)).map(toChannel) };
  });

  app.post('/api/alerts/channels', {
    schema: {
      tags, summary: 'Add a channel: a group bot\'s webhook address (and its signing secret for 飞书/钉钉 加签), or e-mail: mailto:addresses with the SMTP server URL as its secret',
      body: z.object({ name: z.string().trim().min(1).max(60), kind, url: z.string().trim().min(1).max(2000), secret: z.string().max(200).nullable().optional() }),
      response: { 201: channelSchema },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'admin');
    return reply.code(201).send(toChannel(await alerts().addChannel(scope.workspaceId, request.body)));
  });

  app.delete('/api/alerts/channels/:id', { schema: { tags, summary: 'Remove a channel (rules stop sending to it)', params: idParams, response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'admin');
    await alerts().removeChannel(scope.workspaceId, request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/alerts/channels/:id/test', { schema: { tags, summary: 'Send a test message through a channel and say whether the bot took it', params: idParams, response: { 200: deliverySchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    return toDelivery(await alerts().testChannel(scope.workspaceId, request.params.id));
  });

  app.get('/api/alerts/rules', { schema: { tags, summary: 'Alert rules of the workspace', response: { 200: z.object({ items: z.array(ruleSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: (await alerts().rules(scope.workspaceId)).map(toRule) };
  });

  app.post('/api/alerts/rules', { schema: { tags, summary: 'Add a rule: a niche item enters the top N, or climbs at least X places an hour; optional push window', body: ruleBody, response: { 201: ruleSchema } } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    return reply.code(201).send(toRule(await alerts().saveRule(scope.workspaceId, fromBody(request.body))));
  });

  app.put('/api/alerts/rules/:id', { schema: { tags, summary: 'Change a rule', params: idParams, body: ruleBody, response: { 200: ruleSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    return toRule(await alerts().saveRule(scope.workspaceId, fromBody(request.body), request.params.id));
  });

  app.delete('/api/alerts/rules/:id', { schema: { tags, summary: 'Remove a rule', params: idParams, response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    await alerts().removeRule(scope.workspaceId, request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/alerts/check', { schema: { tags, summary: 'Evaluate the workspace\'s rules against the lists now (it also happens after every refresh)', response: { 200: z.object({ digests: z.array(outcomeSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    return { digests: (await alerts().evaluate(scope.workspaceId)).map(toOutcome) };
  });

  app.get('/api/alerts/digests', { schema: { tags, summary: 'Digests sent, newest first, with what each channel answered', response: { 200: z.object({ items: z.array(digestSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const items = await alerts().digests(scope.workspaceId);
    return { items: items.map((d) => ({ id: d.id, rule_id: d.ruleId, kind: d.kind, window_key: d.windowKey, title: d.title, lines: d.lines, deliveries: deliveriesOf({ deliveries: d.deliveries }), created_at: d.createdAt.toISOString() })) };
  });

  app.get('/api/notifications', {
    schema: { tags, summary: 'In-app notifications (alert digests, weekly reports), newest first, with the unread count', querystring: z.object({ unread_only: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ items: z.array(notificationSchema), unread: z.number() }) } },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const { items, unread } = await alerts().notifications(scope.workspaceId, { limit: request.query.limit, unreadOnly: request.query.unread_only === 'true' });
    return { items: items.map(toNotification), unread };
  });

  app.post('/api/notifications/read', { schema: { tags, summary: 'Mark notifications read (the given ids, or all)', body: z.object({ ids: z.array(z.string().uuid()).max(200).optional() }), response: { 200: z.object({ marked: z.number() }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { marked: await alerts().markRead(scope.workspaceId, request.body.ids) };
  });
};
