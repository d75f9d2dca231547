/**
 * Statistics as CSV for Excel: UTF-8 with a BOM (without it Excel on Windows reads Chinese as
 * mojibake), CRLF rows, percentages with one decimal, empty cells for rates with no denominator.
 * Cells that a spreadsheet would run as a formula (= + - @) are prefixed with an apostrophe.
 */
import type { Statistics, StatisticsGrouping, StatisticsRates } from '../contract.js'

const BOM = '\uFEFF'

const GROUP_HEADINGS: Readonly<Record<StatisticsGrouping, string>> = {
  category: '类别',
  city: '城市',
  unit: '承办单位',
  month: '月份',
  channel: '渠道',
}

export const GROUP_TITLES: Readonly<Record<StatisticsGrouping, string>> = {
  category: '按类别',
  city: '按城市',
  unit: '按承办单位',
  month: '按月份',
  channel: '按渠道',
}

const HEADINGS = [
  '工单数',
  '响应率',
  '按时受理率',
  '按时办理率',
  '解决率',
  '满意率',
  '平均办结工作日',
  '热点问题',
]

/** What the CSV holds, for the API docs (built from the headings, so the two cannot drift). */
export const STATISTICS_CSV_COLUMNS =
  'UTF-8 with a BOM, CRLF rows, for Excel. Columns: the grouping (' +
  Object.values(GROUP_HEADINGS).join(' / ') +
  '), then ' +
  HEADINGS.join(', ') +
  '; one row per group and a last row 合计 (total). Rates are percentages with one decimal ' +
  '(empty when nothing is in the denominator); 热点问题 lists topics with their counts.'

const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`)

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

const rateCells = (rates: StatisticsRates) => [
  String(rates.count),
  percent(rates.responseRate),
  percent(rates.onTimeAcceptanceRate),
  percent(rates.onTimeHandlingRate),
  percent(rates.resolutionRate),
  percent(rates.satisfactionRate),
  rates.averageWorkingDaysToClose === null ? '' : rates.averageWorkingDaysToClose.toFixed(1),
  rates.topTopics.map((t) => `${t.topic}（${t.count}）`).join('；'),
]

export function statisticsCsv(statistics: Statistics): string {
  const rows = [
    [GROUP_HEADINGS[statistics.groupBy], ...HEADINGS],
    ...statistics.groups.map((group) => [group.label, ...rateCells(group)]),
    ['合计', ...rateCells(statistics.total)],
  ]
  return BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
