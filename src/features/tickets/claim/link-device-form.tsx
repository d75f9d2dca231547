import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { ApiProblem } from '@/lib/http'
import { linkResultSchema } from '../../../../mock-api/contract'
import { ownerPost } from '../common/owner-api'
import { ticketKeys } from '../common/queries'
import { Button } from '@/ui/button'
import { TextField } from '@/ui/field'

/** Links this phone to the owner of a contact phone, with the one-time code sent to it. */
export function LinkDeviceForm() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const request = useMutation({
    mutationFn: () => ownerPost('/devices/link', { phone: phone.trim() }),
    networkMode: 'always',
  })
  const confirm = useMutation({
    mutationFn: async () =>
      linkResultSchema.parse(
        await ownerPost('/devices/link/confirm', { phone: phone.trim(), code: code.trim() }),
      ),
    networkMode: 'always',
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.all }),
  })
  const failure = request.error ?? confirm.error
  const message =
    failure instanceof ApiProblem
      ? (failure.problem.message?.[i18n.language.startsWith('zh') ? 'zh' : 'en'] ??
        failure.problem.title)
      : failure?.message

  const send = (event: FormEvent) => {
    event.preventDefault()
    request.mutate()
  }
  const link = (event: FormEvent) => {
    event.preventDefault()
    confirm.mutate()
  }

  return (
    <>
      <form className="gs-ticket-form" onSubmit={send}>
        <TextField
          label={t('tickets.link.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          required
          onChange={setPhone}
        />
        <Button type="submit" variant="secondary" block loading={request.isPending}>
          {t('tickets.link.send')}
        </Button>
        {request.isSuccess && <p role="status">{t('tickets.link.sent')}</p>}
      </form>
      {request.isSuccess && (
        <form className="gs-ticket-form" onSubmit={link}>
          <TextField
            label={t('tickets.link.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            required
            onChange={setCode}
          />
          <Button type="submit" block loading={confirm.isPending}>
            {t('tickets.link.confirm')}
          </Button>
        </form>
      )}
      {confirm.isSuccess && (
        <p role="status">{t('tickets.link.linked', { count: confirm.data.tickets })}</p>
      )}
      {failure && (
        <p className="gs-form-error" role="alert">
          {t('tickets.link.failed', { message })}
        </p>
      )}
    </>
  )
}
