import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { OfficeBoard } from '@/features/staff/queue/office-board'
import { ProblemMessage } from '@/features/staff/common/problem-message'
import { queueQuery } from '@/features/staff/common/queries'
import { paths } from '../../paths'

export function Component() {
  const { t } = useTranslation()
  const queue = useQuery(queueQuery())
  return (
    <>
      <h1>{t('staff.screens.board')}</h1>
      <ProblemMessage error={queue.error} />
      {queue.isPending ? <p>{t('app.loading')}</p> : null}
      {queue.data ? (
        <OfficeBoard tickets={queue.data.tickets} ticketHref={paths.staff.ticket} />
      ) : null}
    </>
  )
}
