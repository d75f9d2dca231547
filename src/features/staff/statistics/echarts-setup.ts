/**
 * The only importer of ECharts, loaded by statistics-chart.tsx with a dynamic import. Named
 * imports from the sub-packages let the bundler keep only bars, grid, tooltip, legend and the
 * canvas renderer; a dynamic import of 'echarts/charts' itself would pull in every chart type.
 */
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export const init = echarts.init
