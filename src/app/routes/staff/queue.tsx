import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiProblem } from '@/lib/http'
import { useTranslation } from '@/lib/i18n-react'
import { ProblemMessage } from '@/features/staff/common/problem-message'
import { queueQuery } from '@/features/staff/common/queries'
import type { QueueFilter } from '@/features/staff/common/api'
import { QueueFilters, isFiltered } from '@/features/staff/queue/queue-filters'
import { QueueTable } from '@/features/staff/queue/queue-table'
import { paths } from '../../paths'

export function Component() {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<QueueFilter>({})
  const queue = useQuery(queueQuery(filter))
  const filtered = isFiltered(filter)
  // A role without a queue (an admin who typed the address): the refusal alone, no filters for
  // a list it will never see.
  const isRefused = queue.error instanceof ApiProblem && queue.error.status === 403
  return (
    <>
      <h1>{t('staff.screens.queue')}</h1>
      {isRefused ? null : <QueueFilters filter={filter} onChange={setFilter} />}
      <ProblemMessage error={queue.error} />
      {queue.isPending ? <p>{t('app.loading')}</p> : null}
      {queue.data?.tickets.length === 0 ? (
        <p>{filtered ? t('staff.queueFilter.none') : t('staff.emptyQueue')}</p>
      ) : null}
      {queue.data && queue.data.tickets.length > 0 ? (
        <QueueTable
          caption={
            filtered
              ? t('staff.queueFilter.found', { count: queue.data.tickets.length })
              : t('staff.queueCaption', { count: queue.data.tickets.length })
          }
          tickets={queue.data.tickets}
          ticketHref={paths.staff.ticket}
        />
      ) : null}
    </>
  )
}
