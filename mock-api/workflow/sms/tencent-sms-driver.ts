/**
 * SMS through Tencent Cloud's SMS service (sms 2021-01-11, action SendSms) with its official SDK,
 * the only importer of it. Templates take positional parameters (TemplateParamSet), filled with
 * the notice's variables in their order; the number is sent in E.164 (+86…). The status `Ok` is
 * sent; a `LimitExceeded.*`/`InvalidParameter*`/`FailedOperation.*` code is the provider refusing
 * this message; anything else, or a thrown error, is retried.
 */
import * as tencentcloud from 'tencentcloud-sdk-nodejs-sms'
import type { SmsProviderConfig } from '../../notification-config.js'
import type { SmsDriver } from '../notification-delivery.js'
import { templateFor } from './sms-templates.js'

const SmsClient = tencentcloud.sms.v20210111.Client
const REFUSALS = /^(LimitExceeded|InvalidParameter|FailedOperation|UnauthorizedOperation)/

function httpProfileOf(given: string | null): { endpoint: string; protocol: string } | undefined {
  if (given === null) return undefined
  if (!/^https?:\/\//.test(given)) return { endpoint: given, protocol: 'https://' }
  const url = new URL(given)
  return { endpoint: url.host, protocol: `${url.protocol}//` }
}

export function tencentSmsDriver(config: SmsProviderConfig): SmsDriver {
  const httpProfile = httpProfileOf(config.endpoint)
  const client = new SmsClient({
    credential: { secretId: config.keyId, secretKey: config.keySecret },
    region: config.region,
    profile: httpProfile ? { httpProfile } : {},
  })
  return {
    name: 'tencent',
    async send(message) {
      const templateId = templateFor(config.templates, message.kind)
      if (templateId === null) {
        return { kind: 'rejected', answer: `no SMS template for ${message.kind}` }
      }
      const response = await client.SendSms({
        PhoneNumberSet: [`+86${message.to}`],
        SmsSdkAppId: config.sdkAppId ?? '',
        SignName: config.signName,
        TemplateId: templateId,
        TemplateParamSet: Object.values(message.vars),
      })
      const status = response.SendStatusSet?.[0]
      const answer = `${status?.Code ?? '?'} ${status?.Message ?? ''} RequestId=${response.RequestId ?? ''}`
      if (status?.Code === 'Ok') return { kind: 'sent', answer }
      return REFUSALS.test(status?.Code ?? '')
        ? { kind: 'rejected', answer }
        : { kind: 'retry', answer }
    },
  }
}
