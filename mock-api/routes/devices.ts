// POST /api/devices (a new owner's device and its credential) and linking a device to the owner
// of a contact phone with a one-time code.
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import {
  deviceCredentialSchema,
  linkConfirmSchema,
  linkRequestSchema,
  linkResultSchema,
} from '../contract.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import { notifyingCodeSender } from '../workflow/code-sender.js'
import { confirmLinkCode, linkRequestKeys, requestLinkCode } from '../workflow/device-link.js'
import { registerDevice } from '../workflow/owner-devices.js'
import { countHit } from './owner-limits.js'
import type { RouteDoc } from './route-doc.js'

const linkRequestedSchema = z.object({ accepted: z.literal(true) })

export const deviceRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const isLogSms = deps.config.notifications.smsProvider === 'log'
  const sender =
    deps.codeSender ?? notifyingCodeSender(deps.db.write, deps.clock, isLogSms ? app.log : null)
  const linkDeps = () => ({
    db: deps.db.db,
    secret: deps.secrets.codeSecret,
    now: deps.clock.now(),
  })

  app.post('/devices', async (request, reply) => {
    await countHit(deps, reply, 'newDevice', request.ip)
    const { deviceId, credential } = await registerDevice(deps.db.db, deps.clock.now())
    return reply.code(201).send({ deviceId, credential })
  })

  app.post('/devices/link', { preHandler: requireOwner(deps) }, async (request, reply) => {
    const owner = getOwner(request)
    const { phone } = linkRequestSchema.parse(request.body)
    for (const key of linkRequestKeys(deps.secrets.codeSecret, owner, phone)) {
      await countHit(deps, reply, 'linkRequest', key)
    }
    await requestLinkCode(linkDeps(), sender, owner, phone)
    return reply.code(202).send({ accepted: true })
  })

  app.post('/devices/link/confirm', { preHandler: requireOwner(deps) }, async (request) => {
    const { phone, code } = linkConfirmSchema.parse(request.body)
    return confirmLinkCode(linkDeps(), getOwner(request), phone, code)
  })
  done()
}

export const devicesDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/devices',
    summary: 'Register this phone: a new owner and its device credential (shown once)',
    tags: ['owners'],
    auth: { kind: 'public' },
    responses: {
      201: {
        description: 'Send the credential as `Authorization: Bearer <credential>` from now on',
        schema: deviceCredentialSchema,
      },
      429: { description: 'Too many new devices from this address; see Retry-After' },
    },
  },
  {
    method: 'POST',
    path: '/api/devices/link',
    summary: 'Ask for a one-time code to the contact phone of earlier reports (another device)',
    tags: ['owners'],
    auth: { kind: 'owner' },
    body: linkRequestSchema,
    responses: {
      202: {
        description:
          'Always, whether or not the phone is known: a 6-digit code valid 10 minutes is sent ' +
          'only when another owner reported with this phone',
        schema: linkRequestedSchema,
      },
      401: { description: 'No or unknown device credential' },
      422: { description: 'Not a phone number (`invalid_phone`)' },
      429: { description: 'Too many codes for this device or phone (5 an hour); see Retry-After' },
    },
  },
  {
    method: 'POST',
    path: '/api/devices/link/confirm',
    summary: "Confirm the code: this device joins the phone's owner and sees all its tickets",
    tags: ['owners'],
    auth: { kind: 'owner' },
    body: linkConfirmSchema,
    responses: {
      200: {
        description: 'Linked; `tickets` is how many tickets the device now sees',
        schema: linkResultSchema,
      },
      401: { description: 'No or unknown device credential' },
      410: {
        description:
          '`link_code_expired` (10 minutes passed) or `link_code_gone` (none outstanding: never ' +
          'sent, already used or replaced by a newer one): ask for a new code',
      },
      422: { description: '`wrong_code`, with `attemptsLeft`; or a malformed phone or code' },
      429: { description: '`too_many_attempts`: 5 wrong codes; ask for a new code' },
    },
  },
]
