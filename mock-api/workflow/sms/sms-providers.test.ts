// The Aliyun and Tencent drivers, through their official SDKs, against local stubs of the two
// providers' HTTP APIs that check what the real ones check: the action and version, the signed
// credential, the sign name, and that the template's variables are exactly those it was approved with.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SmsProviderConfig } from '../../notification-config.js'
import { noticeFor } from '../../domain/notification-texts.js'
import type { SmsMessage } from '../notification-delivery.js'
import { aliyunSmsDriver } from './aliyun-sms-driver.js'
import { tencentSmsDriver } from './tencent-sms-driver.js'

type Seen = {
  headers: Record<string, string | string[] | undefined>
  query: URLSearchParams
  body: string
}

/** Approved templates and their variables, as the provider's console would hold them. */
const TEMPLATES: Record<string, string[]> = {
  SMS_NOT_ACCEPTED: ['number', 'note'],
  SMS_REPLY: ['number', 'date'],
  '2000001': ['number', 'note'],
  '2000002': ['number', 'date'],
}

function aliyunAnswer(seen: Seen): object {
  const expectedKeys = TEMPLATES[seen.query.get('TemplateCode') ?? '']
  if (seen.headers['x-acs-action'] !== 'SendSms' || seen.headers['x-acs-version'] !== '2017-05-25')
    return { Code: 'isv.INVALID_ACTION', Message: 'wrong action' }
  if (!String(seen.headers.authorization).includes('Credential=ak-id,'))
    return { Code: 'InvalidAccessKeyId.NotFound', Message: 'no such key' }
  if (seen.query.get('SignName') !== '桂商码')
    return { Code: 'isv.SMS_SIGNATURE_ILLEGAL', Message: 'sign' }
  if (!expectedKeys) return { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: 'template' }
  const params = JSON.parse(seen.query.get('TemplateParam') ?? '{}') as Record<string, string>
  if (Object.keys(params).sort().join() !== [...expectedKeys].sort().join())
    return { Code: 'isv.TEMPLATE_PARAMS_ILLEGAL', Message: 'params' }
  if (!/^1\d{10}$/.test(seen.query.get('PhoneNumbers') ?? ''))
    return { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: 'number' }
  return { Code: 'OK', Message: 'OK', BizId: '900619746108498936^0', RequestId: 'req-1' }
}

function tencentAnswer(seen: Seen): object {
  const body = JSON.parse(seen.body) as {
    PhoneNumberSet: string[]
    SmsSdkAppId: string
    SignName: string
    TemplateId: string
    TemplateParamSet: string[]
  }
  const status = (Code: string) => ({
    Response: {
      SendStatusSet: [
        { Code, Message: Code, PhoneNumber: body.PhoneNumberSet[0], SerialNo: 's-1' },
      ],
      RequestId: 'req-2',
    },
  })
  if (seen.headers['x-tc-action'] !== 'SendSms' || seen.headers['x-tc-version'] !== '2021-01-11')
    return {
      Response: { Error: { Code: 'InvalidAction', Message: 'wrong action' }, RequestId: 'x' },
    }
  if (!String(seen.headers.authorization).startsWith('TC3-HMAC-SHA256 Credential=tc-id/'))
    return {
      Response: { Error: { Code: 'AuthFailure.SecretIdNotFound', Message: 'key' }, RequestId: 'x' },
    }
  if (body.SmsSdkAppId !== '1400000001' || body.SignName !== '桂商码')
    return status('FailedOperation.SignatureIncorrectOrUnapproved')
  const expected = TEMPLATES[body.TemplateId]
  if (!expected) return status('FailedOperation.TemplateIncorrectOrUnapproved')
  if (body.TemplateParamSet.length !== expected.length)
    return status('InvalidParameterValue.TemplateParameterFormatError')
  if (!/^\+861\d{10}$/.test(body.PhoneNumberSet[0] ?? ''))
    return status('InvalidParameterValue.IncorrectPhoneNumber')
  return status('Ok')
}

describe('SMS providers through their SDKs', () => {
  const seen: Seen[] = []
  let endpoint = ''
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stub')
      const entry = { headers: request.headers, query: url.searchParams, body }
      seen.push(entry)
      const answer = request.headers['x-tc-action'] ? tencentAnswer(entry) : aliyunAnswer(entry)
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
    })
  })
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const config = (keyId: string, keySecret: string): SmsProviderConfig => ({
    keyId,
    keySecret,
    signName: '桂商码',
    templates: {
      not_accepted: keyId === 'ak-id' ? 'SMS_NOT_ACCEPTED' : '2000001',
      reply_ready: keyId === 'ak-id' ? 'SMS_REPLY' : '2000002',
    },
    endpoint,
    sdkAppId: '1400000001',
    region: 'ap-guangzhou',
  })

  const refusal = noticeFor('not_accepted', {
    number: 'GX2602130001',
    status: 'not_accepted',
    confidential: false,
    note: '属于民事纠纷。',
  })
  const message = (to: string, kind: 'not_accepted' | 'accepted' = 'not_accepted'): SmsMessage => ({
    to,
    text: `【桂商码】${refusal.texts['zh-CN'].body}`,
    kind,
    vars: refusal.vars,
    ticketId: 't-1',
    at: new Date(),
  })

  it('Aliyun: SendSms with the template code and its variables as TemplateParam', async () => {
    const driver = aliyunSmsDriver(config('ak-id', 'ak-secret'))
    await expect(driver.send(message('13800001234'))).resolves.toEqual({
      kind: 'sent',
      answer: 'OK OK BizId=900619746108498936^0',
    })
    const request = seen.at(-1)
    expect(JSON.parse(request?.query.get('TemplateParam') ?? '')).toEqual({
      number: 'GX2602130001',
      note: '属于民事纠纷。',
    })
  })

  it('Aliyun: a refused number is a failure for good, a kind without template is never sent', async () => {
    const driver = aliyunSmsDriver(config('ak-id', 'ak-secret'))
    await expect(driver.send(message('12345'))).resolves.toMatchObject({
      kind: 'rejected',
      answer: expect.stringContaining('isv.MOBILE_NUMBER_ILLEGAL'),
    })
    const before = seen.length
    await expect(driver.send(message('13800001234', 'accepted'))).resolves.toMatchObject({
      kind: 'rejected',
    })
    expect(seen).toHaveLength(before)
  })

  it('Tencent: SendSms with +86 numbers, the app id and positional template parameters', async () => {
    const driver = tencentSmsDriver(config('tc-id', 'tc-secret'))
    await expect(driver.send(message('13800001234'))).resolves.toMatchObject({
      kind: 'sent',
      answer: expect.stringContaining('Ok'),
    })
    const body = JSON.parse(seen.at(-1)?.body ?? '{}') as Record<string, unknown>
    expect(body).toMatchObject({
      PhoneNumberSet: ['+8613800001234'],
      TemplateId: '2000001',
      TemplateParamSet: ['GX2602130001', '属于民事纠纷。'],
    })
  })

  it('Tencent: a refused number is a failure for good', async () => {
    const driver = tencentSmsDriver(config('tc-id', 'tc-secret'))
    await expect(driver.send(message('12345'))).resolves.toMatchObject({
      kind: 'rejected',
      answer: expect.stringContaining('InvalidParameterValue.IncorrectPhoneNumber'),
    })
  })
})
