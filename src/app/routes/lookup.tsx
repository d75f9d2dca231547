import { useTranslation } from '@/lib/i18n-react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { LookupForm } from '@/features/tickets/lookup/lookup-form'
import { ReceiptLookup } from '@/features/tickets/lookup/receipt-lookup'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'

/** /lookup asks for the receipt; /r/:number?code= (the receipt's QR) shows the ticket. */
export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { number } = useParams()
  const [search] = useSearchParams()
  const code = search.get('code')
  return (
    <>
      <ScreenHeader title={t('tickets.lookup.title')} lead={t('tickets.lookup.intro')} />
      <LookupForm
        initialNumber={number}
        initialCode={code ?? ''}
        onLookup={(next, nextCode) => void navigate(paths.receiptLookup(next, nextCode))}
      />
      {number && code && (
        <ReceiptLookup
          key={`${number}:${code}`}
          number={number}
          code={code}
          claimHref={paths.claim(number, code)}
          linkHref={paths.linkDevice()}
        />
      )}
    </>
  )
}
