import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { fetchAdminNotifications } from '../common/admin-api'
import { ProblemMessage } from '../common/problem-message'

/** The admin's view of what the owners were sent: newest first, with the provider's answer. */
export function NotificationsAdmin() {
  const { t, i18n } = useTranslation()
  const query = useQuery({
    queryKey: ['staff', 'admin', 'notifications'],
    queryFn: fetchAdminNotifications,
    refetchInterval: 30_000,
  })
  if (query.isPending) return <p>{t('app.loading')}</p>
  if (query.isError) return <ProblemMessage error={query.error} />
  const { failed, recent } = query.data
  const time = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  })
  return (
    <>
      <p className={failed > 0 ? 'gs-staff-alert' : undefined} role="status">
        {t('outside.admin.failed', { count: failed })}
      </p>
      {recent.length === 0 ? (
        <p>{t('outside.admin.none')}</p>
      ) : (
        <table className="gs-staff-table">
          <thead>
            <tr>
              {(
                [
                  'createdAt',
                  'channel',
                  'recipient',
                  'event',
                  'ticket',
                  'status',
                  'attempts',
                  'answer',
                ] as const
              ).map((column) => (
                <th key={column}>{t(`outside.admin.columns.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recent.map((row) => (
              <tr key={row.id} data-status={row.status}>
                <td>{time.format(new Date(row.createdAt))}</td>
                <td>{t(`outside.admin.channels.${row.channel}`)}</td>
                <td>{row.recipient}</td>
                <td>{row.event}</td>
                <td>{row.ticketNumber ?? ''}</td>
                <td>{t(`outside.admin.statuses.${row.status}`)}</td>
                <td>{row.attempts}</td>
                <td>{row.answer ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
