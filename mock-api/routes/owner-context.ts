// What every owner route needs to decide and to show: the time and the holiday calendar.
import type { AppDeps } from '../deps/app-deps.js'
import { loadCalendar } from '../workflow/calendar.js'
import type { WorkflowContext } from '../workflow/ticket-workflow.js'

export async function workflowContext(deps: AppDeps): Promise<WorkflowContext> {
  return { now: deps.clock.now(), calendar: await loadCalendar(deps.db.db) }
}
