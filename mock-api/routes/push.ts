// Web Push and SMS settings of the owner (issue 15): the VAPID key to subscribe with, this
// device's subscription, and SMS on or off per ticket; and the admin's view of what was sent.
import type { FastifyPluginCallback } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import {
  pushSubscriptionInputSchema,
  pushUnsubscribeInputSchema,
  ticketNotificationSettingsSchema,
} from '../contract.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import { requireStaff } from '../plugins/staff-auth.js'
import { loadAdminNotifications } from '../workflow/admin-notifications.js'
import {
  setTicketSmsSetting,
  subscribePush,
  ticketSmsSetting,
  unsubscribePush,
} from '../workflow/push-subscriptions.js'
import { ticketParamsSchema } from './tickets.js'

export const pushRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const origins = deps.config.notifications.pushEndpointOrigins

  app.get('/push/key', () => ({ publicKey: deps.vapid.publicKey }))

  app.post('/push/subscriptions', { preHandler: requireOwner(deps) }, async (request, reply) => {
    const input = pushSubscriptionInputSchema.parse(request.body)
    const owner = getOwner(request)
    await deps.db.write((trx) => subscribePush(trx, owner, input, origins, deps.clock.now()))
    return reply.code(201).send({ subscribed: true })
  })

  app.delete('/push/subscriptions', { preHandler: requireOwner(deps) }, async (request, reply) => {
    const { endpoint } = pushUnsubscribeInputSchema.parse(request.body)
    const owner = getOwner(request)
    await deps.db.write((trx) => unsubscribePush(trx, owner, endpoint))
    return reply.code(204).send()
  })

  app.get('/tickets/:id/notifications', { preHandler: requireOwner(deps) }, (request) => {
    const { id } = ticketParamsSchema.parse(request.params)
    return ticketSmsSetting(deps.db.db, getOwner(request), id)
  })

  app.put('/tickets/:id/notifications', { preHandler: requireOwner(deps) }, (request) => {
    const { id } = ticketParamsSchema.parse(request.params)
    const { sms } = ticketNotificationSettingsSchema.parse(request.body)
    const owner = getOwner(request)
    return deps.db.write((trx) => setTicketSmsSetting(trx, owner, id, sms, deps.clock.now()))
  })

  app.get('/staff/admin/notifications', { preHandler: requireStaff(deps, ['admin']) }, () =>
    loadAdminNotifications(deps.db.db),
  )
  done()
}
