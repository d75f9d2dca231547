import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ApiProblem, NetworkError } from '@/lib/http'
import { createI18n } from '@/lib/i18n'
import { renderStaff } from '@/test/render-staff'
import { ProblemMessage } from './problem-message'

const refusal = (status: number, message?: { zh: string; en: string }) =>
  new ApiProblem({
    type: 'urn:guishang:problem:username_taken',
    title: 'Conflict',
    status,
    ...(message ? { message } : {}),
    errors: [{ field: 'username', code: 'username_taken' }],
  })

const TAKEN = { zh: '该用户名已被使用，请换一个。', en: 'This username is taken; choose another.' }

describe('ProblemMessage', () => {
  it('says the refusal table’s own sentence and nothing else: no status, no field codes', async () => {
    renderStaff(<ProblemMessage error={refusal(409, TAKEN)} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(/^该用户名已被使用，请换一个。$/)
  })

  it('says it in English for an English reader', async () => {
    const i18n = createI18n()
    await i18n.changeLanguage('en')
    renderStaff(<ProblemMessage error={refusal(409, TAKEN)} />, { i18n })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^This username is taken; choose another\.$/,
    )
  })

  it('falls back to the console’s words for a problem without a sentence, or no answer', () => {
    const first = renderStaff(<ProblemMessage error={refusal(500)} />)
    expect(screen.getByRole('alert')).toHaveTextContent(/^出了点问题，请重试。$/)
    first.unmount()
    const second = renderStaff(<ProblemMessage error={new NetworkError('offline', false)} />)
    expect(screen.getByRole('alert')).toHaveTextContent('服务器没有响应')
    second.unmount()
    renderStaff(<ProblemMessage error={null} />)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
