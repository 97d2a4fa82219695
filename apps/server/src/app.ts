import { createServer } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { NotFoundError, assertJsonDepth, assertStorableText, isAcceptableTraceId, newTraceId } from '@creatorflow/core';
import type { AppContext } from './context.ts';
import { installAuth } from './auth/plugin.ts';
import { createGatewayHandler, isGatewayPath } from './llm/gateway-http.ts';
import { sendProblem } from './http/problem.ts';
import { installSecurityHeaders, setSecurityHeaders } from './http/security-headers.ts';
import { installRateLimit } from './rate-limit/index.ts';
import { trackRoutes } from './http/route-registry.ts';
import { registerRoutes } from './routes/index.ts';
import type { App } from './http/types.ts';
import { installWebUi } from './web-ui.ts';
import './auth/types.ts';

/** Builds the HTTP application for either mode; listening is the caller's job. */
export async function buildApp(ctx: AppContext): Promise<App> {
  const gateway = createGatewayHandler(ctx);
  const app = Fastify({
    // The /v1 gateway answers on Node's request directly (see llm/gateway-http.ts); everything else is Fastify's.
    serverFactory: (fastifyHandler, options) => {
      const server = createServer((req, res) => {
        if (!isGatewayPath(req.url)) return fastifyHandler(req, res);
        setSecurityHeaders(res, '/v1/');
        return gateway(req, res);
      });
      // Fastify applies its timeouts (defaults filled in) only to servers it creates itself.
      if (typeof options.keepAliveTimeout === 'number') server.keepAliveTimeout = options.keepAliveTimeout;
      if (typeof options.requestTimeout === 'number') server.requestTimeout = options.requestTimeout;
      return server;
    },
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-trace-id'];
      return typeof given === 'string' && isAcceptableTraceId(given) ? given : newTraceId();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('traceId', '');
  installSecurityHeaders(app);
  app.addHook('onRequest', async (request, reply) => {
    request.traceId = request.id;
    void reply.header('x-trace-id', request.id);
  });
  // Every JSON body, before its schema walks it: absurd nesting is a 400, not a stack overflow (500);
  // text no column can store (NUL, unpaired surrogates) is a 400, not a failed INSERT (500).
  app.addHook('preValidation', async (request) => {
    if (request.body !== null && typeof request.body === 'object') assertJsonDepth(request.body, 'the request body');
    assertStorableText(request.body, 'the request body');
    assertStorableText(request.query, 'the query string');
    assertStorableText(request.params, 'the URL path');
  });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new NotFoundError('Route', `${request.method} ${request.url.split('?')[0]}`)),
  );

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'CreatorFlow API', version: ctx.version, description: 'CreatorFlow (创流) REST API' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs page and its assets hold no data; the API calls made from it still need a token.
  app.addHook('onRoute', (route) => {
    if (route.url?.startsWith('/api/docs')) route.config = { ...route.config, auth: 'public' } as typeof route.config;
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  installAuth(app as unknown as FastifyInstance, ctx);
  await installRateLimit(app, ctx);
  trackRoutes(app);
  await registerRoutes(app, ctx);
  await installWebUi(app, ctx);
  return app;
}
