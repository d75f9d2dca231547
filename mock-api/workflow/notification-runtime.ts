// Starts the notification sender of a running server: the SMS driver SMS_PROVIDER names, Web Push
// with the VAPID keys, and links that point at PUBLIC_URL (or this server's own address).
import type { Clock } from '../deps/clock.js'
import type { Config } from '../config.js'
import type { VapidConfig } from '../notification-config.js'
import type { DbHandle } from '../storage/database.js'
import { startNotificationSender } from './notification-sender.js'
import type { InfoLog } from './sms/log-sms-driver.js'
import { createSmsDriver } from './sms/sms-driver.js'
import { webPushDriver } from './web-push-driver.js'

export type NotificationRuntime = {
  db: DbHandle
  clock: Clock
  config: Config
  vapid: VapidConfig
  log: InfoLog
  /** The port the server listens on, for links when PUBLIC_URL is unset. */
  port: number
  onError: (error: unknown) => void
}

export function startNotifications(runtime: NotificationRuntime): () => void {
  const { config } = runtime
  const settings = config.notifications
  return startNotificationSender(
    {
      db: runtime.db,
      clock: runtime.clock,
      sms: createSmsDriver(settings, config.dataDir, runtime.log),
      push: webPushDriver(runtime.vapid, settings.pushEndpointOrigins),
      settings: {
        baseUrl: config.publicUrl ?? `http://localhost:${runtime.port}`,
        smsDailyLimit: settings.smsDailyLimit,
      },
    },
    { everyMs: settings.pollMs, onError: runtime.onError },
  )
}
