/**
 * SMS through Alibaba Cloud's SMS service (dysmsapi 2017-05-25, action SendSms) with its official
 * SDK, the only importer of it. China requires approved templates: each message kind maps to a
 * template code (SMS_TEMPLATES), filled with the notice's variables as TemplateParam JSON. The
 * answer `OK` is sent; an `isv.*` code is the provider refusing this message (bad number,
 * template, sign), which no retry fixes; anything else, or a thrown error, is retried.
 */
import dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525'
import * as OpenApi from '@alicloud/openapi-core'
import type { SmsProviderConfig } from '../../notification-config.js'
import type { SmsDriver } from '../notification-delivery.js'
import { templateFor } from './sms-templates.js'

type ClientClass = typeof dysmsapi.default
// A CommonJS package whose client is its `default` export: Node's ESM loader hands over
// module.exports (client under .default), Vite's interop (Vitest) the client itself.
const Dysmsapi: ClientClass = typeof dysmsapi === 'function' ? dysmsapi : dysmsapi.default
const DEFAULT_ENDPOINT = 'dysmsapi.aliyuncs.com'

type Endpoint = { host: string; protocol: 'http' | 'https' }

/** SMS_ENDPOINT may be a bare host or a URL; a URL's scheme picks the protocol (http for a stub). */
function endpointOf(given: string | null): Endpoint {
  if (given === null) return { host: DEFAULT_ENDPOINT, protocol: 'https' }
  if (!/^https?:\/\//.test(given)) return { host: given, protocol: 'https' }
  const url = new URL(given)
  return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' }
}

export function aliyunSmsDriver(config: SmsProviderConfig): SmsDriver {
  const endpoint = endpointOf(config.endpoint)
  const client = new Dysmsapi(
    new OpenApi.$OpenApiUtil.Config({
      accessKeyId: config.keyId,
      accessKeySecret: config.keySecret,
      endpoint: endpoint.host,
      protocol: endpoint.protocol,
    }),
  )
  return {
    name: 'aliyun',
    async send(message) {
      const templateCode = templateFor(config.templates, message.kind)
      if (templateCode === null) {
        return { kind: 'rejected', answer: `no SMS template for ${message.kind}` }
      }
      const response = await client.sendSms(
        new SendSmsRequest({
          phoneNumbers: message.to,
          signName: config.signName,
          templateCode,
          templateParam: JSON.stringify(message.vars),
        }),
      )
      const { code, message: text, bizId } = response.body ?? {}
      const answer = `${code ?? '?'} ${text ?? ''}${bizId ? ` BizId=${bizId}` : ''}`.trim()
      if (code === 'OK') return { kind: 'sent', answer }
      return code?.startsWith('isv.') ? { kind: 'rejected', answer } : { kind: 'retry', answer }
    },
  }
}
