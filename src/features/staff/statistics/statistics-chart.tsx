/**
 * The rates as bars. ECharts (echarts-setup.ts) loads when the chart first mounts, so the
 * statistics screen shows its table at once and no other screen ever pays for the library.
 */
import { useEffect, useRef } from 'react'
import type { Statistics } from '../../../../mock-api/contract'

export type RateKey =
  | 'responseRate'
  | 'onTimeAcceptanceRate'
  | 'onTimeHandlingRate'
  | 'resolutionRate'
  | 'satisfactionRate'

export const RATE_KEYS: readonly RateKey[] = [
  'responseRate',
  'onTimeAcceptanceRate',
  'onTimeHandlingRate',
  'resolutionRate',
  'satisfactionRate',
]

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)

type Props = { statistics: Statistics; rateLabels: Record<RateKey, string>; title: string }

export function StatisticsChart({ statistics, rateLabels, title }: Props) {
  const element = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let isCancelled = false
    let dispose = () => {}
    void import('./echarts-setup').then((echarts) => {
      if (isCancelled || !element.current) return
      const chart = echarts.init(element.current)
      chart.setOption({
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—'),
        },
        legend: { top: 0 },
        grid: { top: 48, left: 40, right: 16, bottom: 32 },
        xAxis: { type: 'category', data: statistics.groups.map((group) => group.label) },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: RATE_KEYS.map((key) => ({
          type: 'bar',
          name: rateLabels[key],
          data: statistics.groups.map((group) => percent(group[key])),
        })),
      })
      const resize = () => chart.resize()
      window.addEventListener('resize', resize)
      dispose = () => {
        window.removeEventListener('resize', resize)
        chart.dispose()
      }
    })
    return () => {
      isCancelled = true
      dispose()
    }
  }, [statistics, rateLabels])

  return <div ref={element} className="gs-staff-chart" role="img" aria-label={title} />
}
