import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { CATEGORIES, STATISTICS_GROUPINGS, type Statistics } from '../../../../mock-api/contract'
import { statisticsCsvUrl, type StatisticsFilter } from '../common/api'
import { ProblemMessage } from '../common/problem-message'
import { meQuery, statisticsQuery } from '../common/queries'
import { cityChoices, monthChoices, ownCityName } from './statistics-filters'
import { RATE_KEYS, StatisticsChart, type RateKey } from './statistics-chart'
import { buttonClass } from '@/ui/button'

const shown = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)

export function StatisticsView() {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<StatisticsFilter>({ groupBy: 'category' })
  const statistics = useQuery(statisticsQuery(filter))
  const me = useQuery(meQuery())
  const cities = me.data ? cityChoices(me.data) : null
  const ownCity = me.data ? ownCityName(me.data) : null
  const months = useMemo(() => monthChoices(new Date()), [])
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
        {(['from', 'to'] as const).map((name) => (
          <label key={name}>
            {t(`staff.stats.${name}`)}
            <select value={filter[name] ?? ''} onChange={(e) => set(name, e.target.value)}>
              <option value="">{t('staff.stats.anyMonth')}</option>
              {months.map((month) => (
                <option key={month} value={month}>
                  {t('staff.stats.month', {
                    year: month.slice(0, 4),
                    month: Number(month.slice(5)),
                  })}
                </option>
              ))}
            </select>
          </label>
        ))}
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
        {cities === null ? (
          <p className="gs-staff-filter-fixed">
            {t('staff.stats.city')}
            <strong>{ownCity}</strong>
          </p>
        ) : (
          <label>
            {t('staff.stats.city')}
            <select value={filter.city ?? ''} onChange={(e) => set('city', e.target.value)}>
              <option value="">{t('staff.stats.all')}</option>
              <option value="450000">{t('staff.region')}</option>
              {cities.map((city) => (
                <option key={city.code} value={city.code}>
                  {city.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <a
          className={buttonClass({ variant: 'secondary' })}
          href={statisticsCsvUrl(filter)}
          download
        >
          {t('staff.stats.csv')}
        </a>
      </form>
      <ProblemMessage error={statistics.error} />
      {statistics.data?.total.count === 0 ? (
        <p className="gs-staff-card gs-staff-empty" role="status">
          {t('staff.stats.noData')}
        </p>
      ) : null}
      {statistics.data && statistics.data.total.count > 0 ? (
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
