import { useQuery } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { Link } from 'react-router'
import { receiptQuery } from '../common/queries'
import { TicketView } from '../detail/ticket-view'
import { buttonClass } from '@/ui/button'

type Props = {
  number: string
  code: string
  /** Where this phone takes the ticket on: the claim, prefilled with number and code. */
  claimHref: string
  /** Where tickets sent from another phone are linked through their contact phone. */
  linkHref: string
}

/**
 * The progress anyone holding the receipt may see (no description, contact or photos), and what
 * this phone can do about it: take the ticket on, to follow, urge and rate it here (issue 17: it
 * offered nothing, and called the reporter "我").
 */
export function ReceiptLookup({ number, code, claimHref, linkHref }: Props) {
  const { t } = useTranslation()
  const query = useQuery(receiptQuery(number, code))
  if (query.isPending) return <p className="gs-muted">{t('ticket.loading')}</p>
  if (query.isError) {
    return (
      <p className="gs-form-error" role="alert">
        {t('tickets.lookup.notFound')}
      </p>
    )
  }
  return (
    <>
      <h2>{query.data.title}</h2>
      <TicketView ticket={query.data} isHolderViewing />
      <section className="gs-ticket-section gs-no-print" aria-labelledby="lookup-next">
        <h2 id="lookup-next">{t('tickets.lookup.next')}</h2>
        <p>{t('tickets.lookup.nextHint')}</p>
        <Link to={claimHref} className={buttonClass({ block: true })}>
          {t('tickets.lookup.claim')}
        </Link>
        <p>
          <Link to={linkHref}>{t('tickets.link.open')}</Link>
        </p>
      </section>
    </>
  )
}
