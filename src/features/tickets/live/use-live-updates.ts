import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { subscribeLiveUpdates } from './live-updates'
import { notifyChange, toNotification } from '../notify/notify'
import { ticketListQuery } from '../common/queries'

/**
 * While `isEnabled`, keeps the ticket queries current and, when the app is in the background,
 * says what changed in a notification (if the owner allowed them) that opens the ticket.
 */
export function useLiveUpdates(ticketHref: (id: string) => string, isEnabled: boolean): void {
  const queryClient = useQueryClient()
  const { t } = useTranslation()
  const latest = useRef({ t, ticketHref })
  useEffect(() => {
    latest.current = { t, ticketHref }
  })
  useEffect(() => {
    if (!isEnabled) return
    return subscribeLiveUpdates(queryClient, (change) => {
      const { t: translate, ticketHref: href } = latest.current
      const list = queryClient.getQueryData(ticketListQuery().queryKey)
      const number = list?.value.find((each) => each.id === change.ticketId)?.number ?? ''
      const text = {
        title: translate('ticket.notify.title', {
          number,
          status: translate(`tickets.statuses.${change.status}`, { defaultValue: change.status }),
        }),
        body: translate(`ticket.events.${change.type}`, { defaultValue: change.type }),
      }
      void notifyChange(toNotification(change, text, href(change.ticketId)))
    })
  }, [queryClient, isEnabled])
}
