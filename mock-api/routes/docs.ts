// GET /api/docs (the OpenAPI 3.1 document) and /api/docs/ui (the same as a readable page). Both
// are generated once per app from the routes' RouteDocs, which app.ts passes in.
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { OpenApiDocument } from '../openapi/document.js'
import { buildOpenApiDocument } from '../openapi/document.js'
import { docsPageHtml } from '../openapi/docs-page.js'
import { readPackageVersion } from '../openapi/package-version.js'
import type { RouteDoc } from './route-doc.js'

export const API_DESCRIPTION =
  '桂商码 · 反映问题: business owners in Guangxi report problems to government and follow them ' +
  'to the end. Owners authenticate with a device credential (Bearer); staff with a session ' +
  'cookie. Every error is application/problem+json (RFC 9457) with a message in Chinese and ' +
  'English and, for validation, the fields at fault. Times are ISO 8601; due times carry +08:00.'

export const docsDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/docs',
    summary: 'This API’s OpenAPI 3.1 document, generated from the routes’ zod schemas',
    tags: ['docs'],
    auth: { kind: 'public' },
    responses: {
      200: {
        description: 'The OpenAPI document',
        schema: z.object({ openapi: z.string() }).loose(),
      },
    },
  },
  {
    method: 'GET',
    path: '/api/docs/ui',
    summary: 'The same document as a readable HTML page',
    tags: ['docs'],
    auth: { kind: 'public' },
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
  },
]

/** app.ts passes every route's doc in (openapi/route-docs.ts), so this module imports no route. */
type DocsOptions = { routeDocs: readonly RouteDoc[] }

export const docsRoutes: FastifyPluginCallback<DocsOptions> = (app, { routeDocs }, done) => {
  let document: OpenApiDocument | undefined
  let page: string | undefined
  const openApi = () =>
    (document ??= buildOpenApiDocument(routeDocs, {
      title: '桂商码 API',
      version: readPackageVersion(),
      description: API_DESCRIPTION,
    }))

  app.get('/docs', (_request, reply) => reply.send(openApi()))
  app.get('/docs/ui', (_request, reply) =>
    reply.type('text/html; charset=utf-8').send((page ??= docsPageHtml(openApi()))),
  )
  done()
}
