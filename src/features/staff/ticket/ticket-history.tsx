import { useTranslation } from 'react-i18next'
import type { StaffHistoryEntry } from '../../../../mock-api/contract'

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/** Every step with who did it; internal notes are shown to staff only (the owner never gets them). */
export function TicketHistory({ history }: { history: readonly StaffHistoryEntry[] }) {
  const { t } = useTranslation()
  return (
    <section className="gs-staff-card" aria-labelledby="staff-history">
      <h2 id="staff-history">{t('staff.history')}</h2>
      <ol className="gs-staff-history">
        {[...history].reverse().map((entry) => (
          <li key={entry.seq}>
            <time dateTime={entry.at}>{when(entry.at)}</time>{' '}
            <strong>{t(`staff.statuses.${entry.to}`)}</strong>{' '}
            <span className="gs-staff-muted">
              {entry.actorName ?? t(`staff.roles.${entry.role}`)}
            </span>
            {entry.note ? <p>{entry.note}</p> : null}
            {entry.internalNote ? (
              <p className="gs-staff-internal">
                {t('staff.internalNote')}：{entry.internalNote}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
