// The console's screens in one chunk, loaded with its frame: the router's table names each
// screen, and one dynamic import here (not one per screen) keeps the owner's entry chunk from
// carrying a preload list per console screen. ECharts still loads with the chart only.
// The console's strings come with it (both languages): the owner's first load never carries them.
import { staffMessages } from '@/features/staff/common/locales/messages'
import { addMessages } from '@/lib/i18n'

addMessages(staffMessages)

export { Component as Accounts } from './accounts'
export { Component as Board } from './board'
export { Component as Calendar } from './calendar'
export { Component as EntityCodes } from './entity-codes'
export { Component as Intake } from './intake'
export { Component as Lockouts } from './lockouts'
export { Component as Notifications } from './notifications'
export { Component as Queue } from './queue'
export { Component as ServicePoints } from './service-points'
export { Component as Statistics } from './statistics'
export { Component as Ticket } from './ticket'
export { Component as Units } from './units'
export { Component as Console, StaffHome, StaffNotFound } from './staff-console'
