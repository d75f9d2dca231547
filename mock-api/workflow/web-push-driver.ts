/**
 * Web Push (RFC 8030) through the `web-push` package, the only module that imports it: it encrypts
 * the payload as aes128gcm with the subscription's keys (RFC 8291) and signs a VAPID JWT (RFC
 * 8292); we make the request ourselves with fetch, so the push service's answer decides the row's
 * fate: 2xx sent, 404/410 the subscription is gone, 429/5xx/network worth a retry, other 4xx
 * rejected. The endpoint is checked against the allow-list again here: nothing else is fetched.
 */
import webpush from 'web-push'
import { isAllowedPushEndpoint } from '../domain/push-endpoints.js'
import type { VapidConfig } from '../notification-config.js'
import type { DeliveryResult, PushDriver } from './notification-delivery.js'

const REQUEST_TIMEOUT_MS = 10_000
const ANSWER_CHARS = 300

function resultOf(status: number, body: string): DeliveryResult {
  const answer = `HTTP ${status}${body ? ` ${body.slice(0, ANSWER_CHARS)}` : ''}`
  if (status >= 200 && status < 300) return { kind: 'sent', answer }
  if (status === 404 || status === 410) return { kind: 'gone', answer }
  if (status === 429 || status >= 500) return { kind: 'retry', answer }
  return { kind: 'rejected', answer }
}

export function webPushDriver(vapid: VapidConfig, origins: readonly string[]): PushDriver {
  return {
    publicKey: vapid.publicKey,
    async send(subscription, payload, options) {
      if (!isAllowedPushEndpoint(subscription.endpoint, origins)) {
        return { kind: 'gone', answer: 'endpoint not on the allow-list' }
      }
      const request = webpush.generateRequestDetails(
        {
          endpoint: subscription.endpoint,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        },
        payload,
        {
          vapidDetails: vapid,
          TTL: options.ttl,
          urgency: options.urgency,
          contentEncoding: 'aes128gcm',
        },
      )
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      return resultOf(response.status, await response.text())
    },
  }
}
