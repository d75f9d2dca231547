import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CATEGORIES,
  DIVISIONS,
  STATISTICS_GROUPINGS,
  type Statistics,
} from '../../../../mock-api/contract'
import { statisticsCsvUrl, type StatisticsFilter } from '../common/api'
import { ProblemMessage } from '../common/problem-message'
import { statisticsQuery } from '../common/queries'
import { RATE_KEYS, StatisticsChart, type RateKey } from './statistics-chart'

const CITIES = DIVISIONS.filter((division) => division.parent === '450000')
const shown = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)

export function StatisticsView() {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<StatisticsFilter>({ groupBy: 'category' })
  const statistics = useQuery(statisticsQuery(filter))
  const set = (name: keyof StatisticsFilter, value: string) =>
    setFilter((previous) => ({ ...previous, [name]: value }))
  const rateLabels = useMemo(
    () =>
      Object.fromEntries(RATE_KEYS.map((key) => [key, t(`staff.stats.${key}`)])) as Record<
        RateKey,
        string
      >,
    [t],
  )

  return (
    <>
      <form
        className="gs-staff-card gs-staff-filters"
        aria-label={t('staff.stats.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('staff.stats.groupBy')}
          <select value={filter.groupBy} onChange={(e) => set('groupBy', e.target.value)}>
            {STATISTICS_GROUPINGS.map((grouping) => (
              <option key={grouping} value={grouping}>
                {t(`staff.stats.by.${grouping}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.stats.from')}
          <input
            type="month"
            value={filter.from ?? ''}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label>
          {t('staff.stats.to')}
          <input type="month" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label>
          {t('staff.category')}
          <select value={filter.category ?? ''} onChange={(e) => set('category', e.target.value)}>
            <option value="">{t('staff.stats.all')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`categories.${category}.label`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.stats.city')}
          <select value={filter.city ?? ''} onChange={(e) => set('city', e.target.value)}>
            <option value="">{t('staff.stats.all')}</option>
            <option value="450000">{t('staff.region')}</option>
            {CITIES.map((city) => (
              <option key={city.code} value={city.code}>
                {city.name}
              </option>
            ))}
          </select>
        </label>
        <a
          className="gs-staff-button gs-staff-button--plain"
          href={statisticsCsvUrl(filter)}
          download
        >
          {t('staff.stats.csv')}
        </a>
      </form>
      <ProblemMessage error={statistics.error} />
      {statistics.data ? (
        <>
          <StatisticsChart
            statistics={statistics.data}
            rateLabels={rateLabels}
            title={t('staff.stats.chart')}
          />
          <RatesTable statistics={statistics.data} rateLabels={rateLabels} />
        </>
      ) : null}
    </>
  )
}

function RatesTable({
  statistics,
  rateLabels,
}: {
  statistics: Statistics
  rateLabels: Record<RateKey, string>
}) {
  const { t } = useTranslation()
  const rows = [
    ...statistics.groups,
    { ...statistics.total, key: 'total', label: t('staff.stats.total') },
  ]
  return (
    <div className="gs-staff-table-wrap">
      <table className="gs-staff-table">
        <caption>{t(`staff.stats.by.${statistics.groupBy}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`staff.stats.by.${statistics.groupBy}`)}</th>
            <th scope="col">{t('staff.stats.count')}</th>
            {RATE_KEYS.map((key) => (
              <th key={key} scope="col">
                {rateLabels[key]}
              </th>
            ))}
            <th scope="col">{t('staff.stats.days')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
              {RATE_KEYS.map((key) => (
                <td key={key}>{shown(row[key])}</td>
              ))}
              <td>{row.averageWorkingDaysToClose?.toFixed(1) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
