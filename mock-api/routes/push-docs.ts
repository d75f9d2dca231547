// The OpenAPI descriptions of routes/push.ts: Web Push, SMS per ticket, the admin's view.
import { z } from 'zod'
import {
  adminNotificationsSchema,
  pushKeySchema,
  pushSubscriptionInputSchema,
  pushUnsubscribeInputSchema,
  ticketNotificationSettingsSchema,
} from '../contract.js'
import type { RouteDoc } from './route-doc.js'
import { ticketParamsSchema } from './tickets.js'

const subscribedSchema = z.object({ subscribed: z.literal(true) })
const owner = { kind: 'owner' } as const

export const pushDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/push/key',
    summary: 'The VAPID public key (base64url, RFC 8292) to subscribe to Web Push with',
    tags: ['notifications'],
    auth: { kind: 'public' },
    responses: { 200: { description: 'The key', schema: pushKeySchema } },
  },
  {
    method: 'POST',
    path: '/api/push/subscriptions',
    summary: "This device's PushSubscription (toJSON()), to hear of its owner's tickets",
    tags: ['notifications'],
    auth: owner,
    body: pushSubscriptionInputSchema,
    responses: {
      201: {
        description: 'Subscribed (the same endpoint again replaces its keys)',
        schema: subscribedSchema,
      },
      401: { description: 'No or unknown device credential' },
      422: {
        description:
          '`push_endpoint_not_allowed`: the endpoint is not a known push service ' +
          '(PUSH_ENDPOINT_ORIGINS); nothing is ever sent to it',
      },
    },
  },
  {
    method: 'DELETE',
    path: '/api/push/subscriptions',
    summary: 'Stop push to this device (the endpoint it subscribed with)',
    tags: ['notifications'],
    auth: owner,
    body: pushUnsubscribeInputSchema,
    responses: {
      204: { description: 'Removed, or there was none for this device' },
      401: { description: 'No or unknown device credential' },
    },
  },
  {
    method: 'GET',
    path: '/api/tickets/{id}/notifications',
    summary: "Whether this ticket's progress also goes by SMS to the contact phone",
    tags: ['notifications'],
    auth: owner,
    params: ticketParamsSchema,
    responses: {
      200: { description: 'The setting', schema: ticketNotificationSettingsSchema },
      404: { description: "No such ticket of this device's owner" },
    },
  },
  {
    method: 'PUT',
    path: '/api/tickets/{id}/notifications',
    summary: 'Turn SMS on or off for this ticket',
    tags: ['notifications'],
    auth: owner,
    params: ticketParamsSchema,
    body: ticketNotificationSettingsSchema,
    responses: {
      200: { description: 'The new setting', schema: ticketNotificationSettingsSchema },
      404: { description: "No such ticket of this device's owner" },
    },
  },
  {
    method: 'GET',
    path: '/api/staff/admin/notifications',
    summary:
      'The newest 100 messages (push and SMS) with the provider answer, and the failure count',
    tags: ['admin'],
    auth: { kind: 'staff', roles: ['admin'] },
    responses: {
      200: { description: 'Recent messages, phones masked', schema: adminNotificationsSchema },
      401: { description: 'Not signed in' },
      403: { description: 'Not an admin' },
    },
  },
]
