// A service point's window code as SVG and PNG, and its printable A4 poster (admin, or its desk).
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import type { ServicePointRow } from '../workflow/service-points.js'
import { livePointOf } from '../workflow/service-points.js'
import { qrPng, qrSvg } from './qr-image.js'
import type { RouteDoc } from './route-doc.js'
import { POSTER_PRINT_SCRIPT, posterHtml } from './service-point-poster.js'
import { deskNameOf, publicOriginOf, shortCodeLink, windowCodeLink } from './service-point-json.js'
import { SERVICE_POINT_READERS, idParamsSchema } from './service-points.js'

const FILENAME_UNSAFE = /[\\/:*?"<>|\s]+/g

/** `inline` with an ASCII fallback and the Chinese name (RFC 6266 / RFC 8187), for Save As. */
export function contentDisposition(row: ServicePointRow, extension: string): string {
  const readable = `桂商码-${row.hall}-${row.window}`.replace(FILENAME_UNSAFE, '-')
  const encoded = encodeURIComponent(`${readable}.${extension}`).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  const fallback = `guishang-code-${row.id.replace(/[^A-Za-z0-9-]/g, '')}.${extension}`
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`
}

export const servicePointCodeRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const guard = { preHandler: requireStaff(deps, SERVICE_POINT_READERS) }

  async function livePoint(request: FastifyRequest, reply: FastifyReply) {
    const { id } = idParamsSchema.parse(request.params)
    const row = await livePointOf(deps.db.db, staffOf(request), id)
    reply.header('Cache-Control', 'private, no-store')
    const origin = publicOriginOf(request, deps.config.publicUrl)
    const link = windowCodeLink(origin, deps.secrets.codeSecret, row)
    return { row, link, shortLink: shortCodeLink(origin, row) }
  }

  app.get('/staff/service-points/:id/code.svg', guard, async (request, reply) => {
    const { row, link } = await livePoint(request, reply)
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('Content-Disposition', contentDisposition(row, 'svg'))
      .send(await qrSvg(link))
  })

  app.get('/staff/service-points/:id/code.png', guard, async (request, reply) => {
    const { row, link } = await livePoint(request, reply)
    return reply
      .type('image/png')
      .header('Content-Disposition', contentDisposition(row, 'png'))
      .send(await qrPng(link))
  })

  app.get('/staff/service-points/:id/poster', guard, async (request, reply) => {
    const { row, shortLink } = await livePoint(request, reply)
    const page = posterHtml({
      shortLink,
      name: row.name,
      hall: row.hall,
      window: row.window,
      deskName: deskNameOf(row.desk_division_code),
      codeUrl: 'code.svg',
    })
    return reply.type('text/html; charset=utf-8').send(page)
  })

  // The same constant for every point, under the point's path so the poster names it relatively;
  // it answers whom the poster answers, so the route table has one rule for the three.
  app.get('/staff/service-points/:id/print.js', guard, async (request, reply) => {
    await livePoint(request, reply)
    return reply.type('text/javascript; charset=utf-8').send(POSTER_PRINT_SCRIPT)
  })
  done()
}

const reader = { kind: 'staff', roles: SERVICE_POINT_READERS } as const
const refusals = {
  401: { description: 'Not signed in' },
  403: { description: 'Neither admin nor desk' },
  404: { description: 'No such point, or another desk’s' },
  410: { description: '`retired_code`: the point is retired' },
} as const

const codeDoc = (extension: 'svg' | 'png', contentType: string): RouteDoc => ({
  method: 'GET',
  path: `/api/staff/service-points/{id}/code.${extension}`,
  summary: `The window code (QR of \`<origin>/q/<token>\`, error correction M) as ${extension.toUpperCase()}`,
  tags: ['service points'],
  auth: reader,
  params: idParamsSchema,
  responses: { 200: { description: 'The QR image', contentType }, ...refusals },
})

export const servicePointCodesDocs: RouteDoc[] = [
  codeDoc('svg', 'image/svg+xml'),
  codeDoc('png', 'image/png'),
  {
    method: 'GET',
    path: '/api/staff/service-points/{id}/poster',
    summary: 'A print-ready A4 poster: the code, the window’s name, instructions in Chinese',
    tags: ['service points'],
    auth: reader,
    params: idParamsSchema,
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' }, ...refusals },
  },
  {
    method: 'GET',
    path: '/api/staff/service-points/{id}/print.js',
    summary: 'The poster’s print button script (the CSP allows no inline script)',
    tags: ['service points'],
    auth: reader,
    params: idParamsSchema,
    responses: {
      200: { description: 'A constant script', contentType: 'text/javascript' },
      ...refusals,
    },
  },
]
