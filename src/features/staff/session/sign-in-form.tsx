import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { TextField } from '@/ui/field'
import { signIn } from '../common/api'
import { ProblemMessage } from '../common/problem-message'
import { staffKeys } from '../common/queries'
import { Button } from '@/ui/button'

export function SignInForm() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (me) => queryClient.setQueryData(staffKeys.me, me),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (mutation.isPending) return
    mutation.mutate({ username, password })
  }

  return (
    <form
      className="gs-staff-card gs-staff-sign-in"
      onSubmit={submit}
      aria-labelledby="staff-sign-in"
    >
      <p className="gs-staff-system">{t('staff.system')}</p>
      <h1 id="staff-sign-in">{t('staff.signInTitle')}</h1>
      <p className="gs-staff-muted">{t('staff.signInWho')}</p>
      <TextField
        id="staff-username"
        label={t('staff.username')}
        autoComplete="username"
        required
        value={username}
        onChange={setUsername}
      />
      <TextField
        id="staff-password"
        label={t('staff.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
      />
      <ProblemMessage error={mutation.error} />
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? t('staff.sending') : t('staff.signIn')}
      </Button>
    </form>
  )
}
