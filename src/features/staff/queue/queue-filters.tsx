// The queue's search and filters (issue 17). The search is sent on Enter or 搜索, not on every
// key; the selects apply at once. The server searches within what the clerk may see.
import { useState, type FormEvent } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import {
  CATEGORIES,
  CHANNELS,
  QUEUE_DUE_FILTERS,
  TICKET_STATUSES,
} from '../../../../mock-api/contract'
import { buttonClass } from '@/ui/button'
import type { QueueFilter } from '../common/api'

type Props = { filter: QueueFilter; onChange: (filter: QueueFilter) => void }

export const isFiltered = (filter: QueueFilter) =>
  Object.values(filter).some((value) => typeof value === 'string' && value.trim() !== '')

export function QueueFilters({ filter, onChange }: Props) {
  const { t } = useTranslation()
  const [q, setQ] = useState(filter.q ?? '')
  const set = (name: keyof QueueFilter, value: string) => onChange({ ...filter, [name]: value })
  const search = (event: FormEvent) => {
    event.preventDefault()
    onChange({ ...filter, q: q.trim() })
  }
  const select = (name: 'status' | 'category' | 'due' | 'channel', options: readonly string[]) => (
    <label>
      {t(`staff.queueFilter.${name}`)}
      <select value={filter[name] ?? ''} onChange={(e) => set(name, e.target.value)}>
        <option value="">{t('staff.queueFilter.all')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(name, option)}
          </option>
        ))}
      </select>
    </label>
  )
  const optionLabel = (name: string, option: string): string => {
    if (name === 'status') return t(`staff.statuses.${option as (typeof TICKET_STATUSES)[number]}`)
    if (name === 'category') return t(`categories.${option as (typeof CATEGORIES)[number]}.label`)
    if (name === 'due')
      return t(`staff.queueFilter.dues.${option as (typeof QUEUE_DUE_FILTERS)[number]}`)
    return t(`channels.${option as (typeof CHANNELS)[number]}`)
  }
  return (
    <form
      className="gs-staff-card gs-staff-filters"
      role="search"
      aria-label={t('staff.queueFilter.title')}
      onSubmit={search}
    >
      <div className="gs-staff-search">
        <label htmlFor="staff-queue-q">{t('staff.queueFilter.q')}</label>
        <span className="gs-staff-search-row">
          <input
            id="staff-queue-q"
            type="search"
            value={q}
            maxLength={60}
            placeholder={t('staff.queueFilter.qHint')}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className={buttonClass({ variant: 'secondary' })}>
            {t('staff.queueFilter.search')}
          </button>
        </span>
      </div>
      {select('status', TICKET_STATUSES)}
      {select('category', CATEGORIES)}
      {select('due', QUEUE_DUE_FILTERS)}
      {select('channel', CHANNELS)}
      {isFiltered(filter) ? (
        <button
          type="button"
          className={buttonClass({ variant: 'link' })}
          onClick={() => {
            setQ('')
            onChange({})
          }}
        >
          {t('staff.queueFilter.clear')}
        </button>
      ) : null}
    </form>
  )
}
