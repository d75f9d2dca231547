import { useTranslation } from '@/lib/i18n-react'
import type { Ticket } from '../../../../mock-api/contract'

type Props = {
  /** Where the business is, named by the caller (divisions belong to the report feature). */
  division: string
  ticket: Pick<
    Ticket,
    'category' | 'divisionCode' | 'business' | 'contact' | 'servicePoint' | 'createdAt'
  >
}

/**
 * Who reported what, where: the particulars a case file needs to stand on its own on paper
 * (issue 17: it lacked the business, credit code, contact, category and window).
 */
export function CaseParticulars({ ticket, division }: Props) {
  const { t } = useTranslation()
  const rows: [string, string][] = [
    [t('ticket.caseFile.category'), t(`categories.${ticket.category}.label`)],
    [t('ticket.caseFile.division'), division],
    [
      t('ticket.caseFile.window'),
      ticket.servicePoint ? ticket.servicePoint.name : t('ticket.caseFile.noWindow'),
    ],
  ]
  if (ticket.business) {
    rows.push(
      [
        t('ticket.caseFile.business'),
        `${ticket.business.name} · ${t(`draft.kinds.${ticket.business.kind}`)}`,
      ],
      [t('ticket.caseFile.creditCode'), ticket.business.creditCode],
    )
  }
  if (ticket.contact) {
    rows.push([t('ticket.caseFile.contact'), `${ticket.contact.name} ${ticket.contact.phone}`])
  }
  return (
    <dl className="gs-case-particulars">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
