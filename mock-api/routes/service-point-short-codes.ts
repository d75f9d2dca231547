/**
 * A window's short code (issue 17), for a person who cannot scan the poster: `GET /w/<code>`, typed
 * in a browser, redirects to the point's window-code link `/q/<token>`, and
 * `GET /api/short-codes/<code>` gives the app the same token (for `/w/<code>` opened in the
 * installed app, whose service worker answers navigations itself). Public and rate-limited like
 * every code lookup; the answer names no point, only the token its printed code carries.
 */
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import { Refused } from '../workflow/refused.js'
import { tokenOfShortCode } from '../workflow/service-points.js'
import { limitLookups } from './codes.js'
import type { RouteDoc } from './route-doc.js'

// Any text: what is not a live point's code is unknown (404), never a validation error.
const paramsSchema = z.object({ code: z.string().max(40) })
const tokenSchema = z.object({ token: z.string() })

export const shortCodeRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const tokenOf = async (params: unknown) =>
    tokenOfShortCode(deps.db.db, deps.secrets.codeSecret, paramsSchema.parse(params).code)

  app.get('/w/:code', async (request, reply) => {
    await limitLookups(deps, request, reply)
    let token: string
    try {
      token = await tokenOf(request.params)
    } catch (error) {
      // A person typed this address into a browser: a code that leads nowhere opens the app
      // (the not-found handler's shell), whose code page says so in words (src/app/routes/
      // code.tsx), rather than a JSON problem. Other callers still get the problem.
      if (error instanceof Refused && (request.headers.accept ?? '').includes('text/html')) {
        return reply.callNotFound()
      }
      throw error
    }
    // Not cached: a retired point's short code must stop leading anywhere at once.
    return reply.header('Cache-Control', 'no-store').redirect(`/q/${token}`, 302)
  })

  app.get('/api/short-codes/:code', async (request, reply) => {
    await limitLookups(deps, request, reply)
    reply.header('Cache-Control', 'no-store')
    return { token: await tokenOf(request.params) }
  })
  done()
}

const refusals = {
  404: { description: '`unknown_short_code`: no point has this code' },
  410: { description: '`retired_code`: the point is retired' },
  429: { description: 'Too many lookups from this address; see Retry-After' },
} as const

/** `/w/<code>` is outside /api, so it is told in the summary of its /api twin. */
export const shortCodesDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/short-codes/{code}',
    summary:
      'The window-code token a short code leads to (case and dashes do not matter); the same ' +
      'code typed as `<origin>/w/<code>` (outside /api) redirects 302 to `/q/<token>`',
    tags: ['codes'],
    auth: { kind: 'public' },
    params: paramsSchema,
    responses: { 200: { description: 'The token', schema: tokenSchema }, ...refusals },
  },
]
