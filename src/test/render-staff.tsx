// Component tests of the staff console: the providers a console component needs, and answers
// for a stubbed fetch.
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { I18nProvider } from '@/lib/i18n-react'
import { createI18n } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'

export function renderStaff(ui: ReactNode, { i18n = createI18n() } = {}) {
  return render(
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>
    </I18nProvider>,
  )
}

/** A JSON answer, or problem+json for an error status. */
export const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  })

export const problem = (status: number, zh: string) =>
  json(status, { type: 'about:blank', title: 'Refused', status, message: { zh, en: zh } })

export const bodyOf = (init: RequestInit | undefined): unknown =>
  typeof init?.body === 'string' ? JSON.parse(init.body) : undefined

/** A fetch answer that waits until the test releases it, to hold a request in flight. */
export function heldAnswer() {
  let release: (response: Response) => void = () => {}
  const answer = new Promise<Response>((resolve) => (release = resolve))
  return { answer, release }
}
