import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from '@/lib/i18n-react'
import { ticketNotificationSettingsSchema } from '../../../../mock-api/contract'
import { ownerGet, ownerSend } from '../common/owner-api'

const settingKey = (ticketId: string) => ['tickets', ticketId, 'notifications'] as const
const settingPath = (ticketId: string) => `/tickets/${encodeURIComponent(ticketId)}/notifications`

/** SMS on or off for this one ticket (DOMAIN.md: "SMS off per ticket"). */
export function TicketSmsSetting({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const setting = useQuery({
    queryKey: settingKey(ticketId),
    queryFn: async () => {
      const body = await ownerGet(settingPath(ticketId))
      return body === null ? null : ticketNotificationSettingsSchema.parse(body)
    },
  })
  const change = useMutation({
    mutationFn: async (sms: boolean) =>
      ticketNotificationSettingsSchema.parse(
        await ownerSend('PUT', settingPath(ticketId), { sms }),
      ),
    onSuccess: (value) => client.setQueryData(settingKey(ticketId), value),
  })
  if (!setting.data) return null
  const isOn = change.isPending ? change.variables : setting.data.sms
  return (
    <div className="gs-setting gs-no-print">
      <button
        type="button"
        role="switch"
        aria-checked={isOn}
        className="gs-switch"
        disabled={change.isPending}
        onClick={() => change.mutate(!isOn)}
      >
        <span className="gs-setting__label">{t('outside.ticketSms')}</span>
        <span className="gs-switch__track" aria-hidden="true" />
      </button>
      {change.isError && <p role="alert">{t('outside.failed')}</p>}
    </div>
  )
}
