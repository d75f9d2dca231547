// Picks the SMS driver SMS_PROVIDER names; each provider's SDK stays inside its own driver module.
import type { NotificationConfig } from '../../notification-config.js'
import type { SmsDriver } from '../notification-delivery.js'
import { aliyunSmsDriver } from './aliyun-sms-driver.js'
import type { InfoLog } from './log-sms-driver.js'
import { logSmsDriver } from './log-sms-driver.js'
import { tencentSmsDriver } from './tencent-sms-driver.js'

export function createSmsDriver(
  config: NotificationConfig,
  dataDir: string,
  log: InfoLog,
): SmsDriver {
  const provider = config.smsProviderConfig
  if (config.smsProvider === 'log' || provider === null) return logSmsDriver(dataDir, log)
  return config.smsProvider === 'aliyun' ? aliyunSmsDriver(provider) : tencentSmsDriver(provider)
}
