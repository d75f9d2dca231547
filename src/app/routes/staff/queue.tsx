import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANNELS, type Channel } from '../../../../mock-api/contract'
import { ProblemMessage } from '@/features/staff/common/problem-message'
import { queueQuery } from '@/features/staff/common/queries'
import { QueueTable } from '@/features/staff/queue/queue-table'
import { paths } from '../../paths'

export function Component() {
  const { t } = useTranslation()
  const [channel, setChannel] = useState<Channel | ''>('')
  const queue = useQuery(queueQuery(channel === '' ? undefined : channel))
  return (
    <>
      <h1>{t('staff.screens.queue')}</h1>
      <div className="gs-staff-field gs-staff-filter">
        <label htmlFor="queue-channel">{t('intake.channelFilter')}</label>
        <select
          id="queue-channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value as Channel | '')}
        >
          <option value="">{t('intake.allChannels')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <ProblemMessage error={queue.error} />
      {queue.isPending ? <p>{t('app.loading')}</p> : null}
      {queue.data?.tickets.length === 0 ? <p>{t('staff.emptyQueue')}</p> : null}
      {queue.data && queue.data.tickets.length > 0 ? (
        <QueueTable
          caption={t('staff.queueCaption', { count: queue.data.tickets.length })}
          tickets={queue.data.tickets}
          ticketHref={paths.staff.ticket}
        />
      ) : null}
    </>
  )
}
