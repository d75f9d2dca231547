import { describe, expect, it } from 'vitest'
import { KNOWN_PUSH_ORIGINS } from '../notification-config.js'
import { isAllowedPushEndpoint } from './push-endpoints.js'

describe('push endpoints the server may send to', () => {
  it('allows the known browser push services over https', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc:def',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAA',
      'https://web.push.apple.com/QOx9',
      'https://wns2-sg2p.notify.windows.com/w/?token=BQYAAA',
    ]) {
      expect(isAllowedPushEndpoint(endpoint, KNOWN_PUSH_ORIGINS), endpoint).toBe(true)
    }
  })

  it('refuses other hosts, plain http, look-alikes and credentials in the URL', () => {
    for (const endpoint of [
      'https://evil.example/fcm/send/x',
      'http://fcm.googleapis.com/fcm/send/x',
      'https://fcm.googleapis.com.evil.example/x',
      'https://notify.windows.com/x',
      'https://user:pw@fcm.googleapis.com/x',
      'https://169.254.169.254/latest/meta-data',
      'not a url',
    ]) {
      expect(isAllowedPushEndpoint(endpoint, KNOWN_PUSH_ORIGINS), endpoint).toBe(false)
    }
  })

  it('takes a configured local service, port included', () => {
    const origins = ['http://127.0.0.1:9911']
    expect(isAllowedPushEndpoint('http://127.0.0.1:9911/push/1', origins)).toBe(true)
    expect(isAllowedPushEndpoint('http://127.0.0.1:9912/push/1', origins)).toBe(false)
    expect(isAllowedPushEndpoint('https://fcm.googleapis.com/x', origins)).toBe(false)
  })
})
