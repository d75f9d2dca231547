import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ProblemMessage } from '@/features/staff/problem-message'
import { queueQuery } from '@/features/staff/queries'
import { QueueTable } from '@/features/staff/queue-table'
import { staffPaths } from './staff-paths'

export function Component() {
  const { t } = useTranslation()
  const queue = useQuery(queueQuery())
  return (
    <>
      <h1>{t('staff.screens.queue')}</h1>
      <ProblemMessage error={queue.error} />
      {queue.isPending ? <p>{t('app.loading')}</p> : null}
      {queue.data?.tickets.length === 0 ? <p>{t('staff.emptyQueue')}</p> : null}
      {queue.data && queue.data.tickets.length > 0 ? (
        <QueueTable
          caption={t('staff.queueCaption', { count: queue.data.tickets.length })}
          tickets={queue.data.tickets}
          ticketHref={staffPaths.ticket}
        />
      ) : null}
    </>
  )
}
