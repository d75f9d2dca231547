import { beforeAll, describe, expect, it } from 'vitest'
import { createHolidayCalendar } from '../domain/holidays.js'
import { databases, useStore } from '../test/databases.js'
import { FRIDAY, insertUnits, repliedTicket } from '../test/workflow-fixtures.js'
import { remindRatingWindows } from './rating-reminders.js'
import { lastDayOf } from './ticket-notices.js'

const calendar = createHolidayCalendar()

describe.each(databases)('the rating reminder on $name', (database) => {
  const store = useStore(database)
  beforeAll(() => insertUnits(store().db))

  it('reminds once, on the last working days of the window, naming its last day', async () => {
    const { db } = store()
    const ticket = await repliedTicket(db)
    const reminders = () =>
      db
        .selectFrom('notifications')
        .selectAll()
        .where('ticket_id', '=', ticket.id)
        .where('event', '=', 'rating_reminder')
        .execute()
    await remindRatingWindows(db, FRIDAY, calendar)
    expect(await reminders()).toEqual([])

    const lastDay = lastDayOf(ticket.due_at ?? '')
    const morning = new Date(`${lastDay}T09:00:00+08:00`)
    await remindRatingWindows(db, morning, calendar)
    await remindRatingWindows(db, new Date(morning.getTime() + 3_600_000), calendar)
    const rows = await reminders()
    expect(rows).toHaveLength(1)
    const [month, day] = [Number(lastDay.slice(5, 7)), Number(lastDay.slice(8, 10))]
    expect(JSON.parse(rows[0]?.payload ?? '{}')).toMatchObject({
      body: `评价将于${month}月${day}日24时截止，请尽快评价。`,
    })
  })
})
