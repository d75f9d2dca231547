// What production needs besides the two secrets since issue 15: VAPID keys for Web Push, and an
// SMS provider (here the log driver, said to be intended). Tests that start production use it.
export const PRODUCTION_NOTIFICATIONS = {
  VAPID_PUBLIC_KEY:
    'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
  VAPID_PRIVATE_KEY: 'UUxI4O8-FbRouAevSmBQ6o18hgE4nSG3qwvJTfKc-ls',
  VAPID_SUBJECT: 'mailto:ops@guishang.example.gov.cn',
  SMS_LOG_IN_PRODUCTION: '1',
} as const
