/**
 * The settings of the notification pipeline (issue 15), read from the environment with the rest
 * of config.ts: which SMS provider and its keys, the daily cap, the VAPID keys for Web Push and
 * the push services a subscription may point at. Problems are collected, not thrown one by one.
 */
import type { Env } from './env.js'

export type SmsProvider = 'log' | 'aliyun' | 'tencent'

export type SmsProviderConfig = {
  /** Aliyun AccessKey id / Tencent SecretId. */
  keyId: string
  /** Aliyun AccessKey secret / Tencent SecretKey. */
  keySecret: string
  signName: string
  /** Template id per message kind (`accepted=SMS_123,…`); `*` is the fallback. */
  templates: Readonly<Record<string, string>>
  /** Another host for the provider's API (a local stub in tests); null is the provider's own. */
  endpoint: string | null
  /** Tencent only: the SMS application (SmsSdkAppId) and the region. */
  sdkAppId: string | null
  region: string
}

export type VapidConfig = { publicKey: string; privateKey: string; subject: string }

export type NotificationConfig = {
  smsProvider: SmsProvider
  /** Null for `log`. */
  smsProviderConfig: SmsProviderConfig | null
  smsDailyLimit: number
  /** From the environment; null in demo mode generates keys kept in the store. */
  vapid: VapidConfig | null
  /** Origins a push subscription's endpoint may have (`https://fcm.googleapis.com`, `*.` hosts). */
  pushEndpointOrigins: readonly string[]
  /** How often the sender looks for due messages written by other processes, in ms. */
  pollMs: number
}

/** The push services of the browsers people use: Chrome/Android, Firefox, Safari, Edge. */
export const KNOWN_PUSH_ORIGINS = [
  'https://fcm.googleapis.com',
  'https://android.googleapis.com',
  'https://updates.push.services.mozilla.com',
  'https://web.push.apple.com',
  'https://*.notify.windows.com',
] as const

const PROVIDERS: readonly SmsProvider[] = ['log', 'aliyun', 'tencent']
const DEFAULT_DAILY_LIMIT = 5
const DEFAULT_POLL_MS = 1000

const text = (env: Env, name: string): string | null => env[name]?.trim() || null

function parseTemplates(raw: string | null, problems: string[]): Record<string, string> {
  const templates: Record<string, string> = {}
  for (const pair of (raw ?? '').split(',').filter((part) => part.trim() !== '')) {
    const [kind, id] = pair.split('=').map((part) => part.trim())
    if (!kind || !id) problems.push(`SMS_TEMPLATES must be kind=templateId pairs, got "${pair}"`)
    else templates[kind] = id
  }
  return templates
}

function parseOrigins(raw: string | null, problems: string[]): string[] {
  if (raw === null) return [...KNOWN_PUSH_ORIGINS]
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .filter((origin) => {
      const ok = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(origin)
      if (!ok)
        problems.push(`PUSH_ENDPOINT_ORIGINS: "${origin}" is not an origin (scheme://host[:port])`)
      return ok
    })
}

function providerConfig(
  env: Env,
  provider: Exclude<SmsProvider, 'log'>,
  problems: string[],
): SmsProviderConfig {
  const [idName, secretName] =
    provider === 'aliyun'
      ? ['ALIYUN_ACCESS_KEY_ID', 'ALIYUN_ACCESS_KEY_SECRET']
      : ['TENCENT_SECRET_ID', 'TENCENT_SECRET_KEY']
  const required = (name: string) => {
    const given = text(env, name)
    if (given === null) problems.push(`${name} is required with SMS_PROVIDER=${provider}`)
    return given ?? ''
  }
  const templates = parseTemplates(required('SMS_TEMPLATES'), problems)
  const sdkAppId = provider === 'tencent' ? required('TENCENT_SMS_SDK_APP_ID') : null
  return {
    keyId: required(idName),
    keySecret: required(secretName),
    signName: required('SMS_SIGN_NAME'),
    templates,
    endpoint: text(env, 'SMS_ENDPOINT'),
    sdkAppId,
    region: text(env, 'TENCENT_SMS_REGION') ?? 'ap-guangzhou',
  }
}

function vapidConfig(env: Env, isProduction: boolean, problems: string[]): VapidConfig | null {
  const publicKey = text(env, 'VAPID_PUBLIC_KEY')
  const privateKey = text(env, 'VAPID_PRIVATE_KEY')
  const subject = text(env, 'VAPID_SUBJECT')
  if (publicKey && privateKey && subject) {
    if (!/^(mailto:|https:\/\/)/.test(subject))
      problems.push('VAPID_SUBJECT must be a mailto: or https: URL (RFC 8292)')
    return { publicKey, privateKey, subject }
  }
  if (publicKey || privateKey || subject || isProduction) {
    problems.push(
      'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT go together' +
        (isProduction
          ? ' and are required with NODE_ENV=production (npx web-push generate-vapid-keys)'
          : ''),
    )
  }
  return null
}

export function readNotificationConfig(
  env: Env,
  isProduction: boolean,
  problems: string[],
): NotificationConfig {
  const given = text(env, 'SMS_PROVIDER') ?? 'log'
  const smsProvider = PROVIDERS.find((provider) => provider === given) ?? 'log'
  if (!PROVIDERS.includes(given as SmsProvider))
    problems.push(`SMS_PROVIDER must be one of ${PROVIDERS.join(', ')}, got "${given}"`)
  if (
    smsProvider === 'log' &&
    isProduction &&
    !/^(1|true|yes|on)$/i.test(text(env, 'SMS_LOG_IN_PRODUCTION') ?? '')
  ) {
    problems.push(
      'SMS_PROVIDER=log only writes messages to a file: set SMS_PROVIDER=aliyun or tencent with ' +
        'NODE_ENV=production, or SMS_LOG_IN_PRODUCTION=1 if no SMS is really intended',
    )
  }
  const limitText = text(env, 'SMS_DAILY_LIMIT') ?? String(DEFAULT_DAILY_LIMIT)
  const smsDailyLimit = Number(limitText)
  if (!/^\d+$/.test(limitText) || smsDailyLimit < 1)
    problems.push(`SMS_DAILY_LIMIT must be a whole number ≥ 1, got "${limitText}"`)
  const pollText = text(env, 'NOTIFY_POLL_MS') ?? String(DEFAULT_POLL_MS)
  const pollMs = Number(pollText)
  if (!/^\d+$/.test(pollText) || pollMs < 50)
    problems.push(`NOTIFY_POLL_MS must be a whole number ≥ 50, got "${pollText}"`)
  return {
    smsProvider,
    smsProviderConfig: smsProvider === 'log' ? null : providerConfig(env, smsProvider, problems),
    smsDailyLimit,
    vapid: vapidConfig(env, isProduction, problems),
    pushEndpointOrigins: parseOrigins(text(env, 'PUSH_ENDPOINT_ORIGINS'), problems),
    pollMs,
  }
}
