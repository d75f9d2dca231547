import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { ProblemMessage } from '../common/problem-message'
import { businessHistoryQuery } from '../common/queries'

/** The business's earlier tickets beside the form, so a repeated matter is seen at once. */
export function BusinessHistory({ creditCode }: { creditCode: string }) {
  const { t } = useTranslation()
  const history = useQuery(businessHistoryQuery(creditCode))
  return (
    <section aria-labelledby="gs-intake-earlier" className="gs-intake-earlier">
      <h2 id="gs-intake-earlier">{t('intake.earlier')}</h2>
      <ProblemMessage error={history.error} />
      {history.data?.name ? <p className="gs-staff-muted">{history.data.name}</p> : null}
      {history.data?.tickets.length === 0 ? <p>{t('intake.noEarlier')}</p> : null}
      <ul>
        {history.data?.tickets.map((ticket) => (
          <li key={ticket.number}>
            <strong>{ticket.number}</strong> {t(`staff.statuses.${ticket.status}`)} ·{' '}
            {t(`categories.${ticket.category}.label`)} · {t(`channels.${ticket.channel}`)}
            <br />
            {ticket.title}
            <span className="gs-staff-muted"> · {ticket.createdAt.slice(0, 10)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
