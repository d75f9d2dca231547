// Drivers that keep what they were asked to send, and a sender over a store with a settable clock.
import type { DbHandle } from '../storage/database.js'
import type {
  DeliveryResult,
  PushDriver,
  SmsDriver,
  SmsMessage,
} from '../workflow/notification-delivery.js'
import type { SenderDeps } from '../workflow/notification-sender.js'
import type { TestClock } from './test-app.js'

export type CapturingSms = SmsDriver & { sent: SmsMessage[]; answer: DeliveryResult }

export function capturingSms(delayMs = 0): CapturingSms {
  const driver: CapturingSms = {
    name: 'capture',
    sent: [],
    answer: { kind: 'sent', answer: 'ok' },
    async send(message) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
      driver.sent.push(message)
      return driver.answer
    },
  }
  return driver
}

export type CapturingPush = PushDriver & {
  sent: { endpoint: string; payload: string }[]
  answer: DeliveryResult
}

export function capturingPush(): CapturingPush {
  const driver: CapturingPush = {
    publicKey: 'test-key',
    sent: [],
    answer: { kind: 'sent', answer: '201' },
    send(subscription, payload) {
      driver.sent.push({ endpoint: subscription.endpoint, payload })
      return Promise.resolve(driver.answer)
    },
  }
  return driver
}

export function senderOver(
  db: DbHandle,
  clock: TestClock,
  drivers: { sms: SmsDriver; push?: PushDriver | null },
  settings: Partial<SenderDeps['settings']> = {},
): SenderDeps {
  return {
    db,
    clock,
    sms: drivers.sms,
    push: drivers.push ?? null,
    settings: { baseUrl: 'https://gs.example.cn', smsDailyLimit: 5, ...settings },
  }
}
