import ICAL from "ical.js";
import { expect, it } from "vitest";
import { createCalendarToken, revokeCalendarTokens } from "@/lib/data/calendar-tokens";
import { setStepStatus } from "@/lib/data/recovery";
import { describeDatabases } from "@/lib/db/test-db";
import { calendarResponse } from "./feed";
import { borrowerWith, drawHistory } from "./testing";

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { cal, events };
}

describeDatabases("the calendar feed", (ctx) => {
  it("lists due dates and check dates as all-day Shanghai days in the borrower's language; a revoked token is a 404", async () => {
    const db = ctx().prisma;
    const user = await borrowerWith(db, drawHistory("2025-01-31"), { locale: "zh-CN" });
    await setStepStatus(db, { userId: user.id, dropDate: "2025-02-10", stepCode: "UPDATE_INCOME", status: "done", on: "2025-02-12" });
    const { token } = await createCalendarToken(db, { userId: user.id });
    const now = new Date("2025-02-20T04:00:00Z");

    const res = await calendarResponse(db, `${token}.ics`, now);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { cal, events } = parse(await res.text());
    expect(cal.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Shanghai");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("信用健康提醒");
    const got = events.map((e) => ({ day: e.startDate.toString(), allDay: e.startDate.isDate, end: e.endDate.toString(), summary: e.summary }));
    expect(got).toEqual([
      // UPDATE_INCOME done on 12 Feb: check 30 days later.
      { day: "2025-02-28", allDay: true, end: "2025-03-01", summary: "2025年2月28日有一期¥1,000的分期到期" },
      { day: "2025-03-14", allDay: true, end: "2025-03-15", summary: "该再次查看额度了" },
      { day: "2025-03-31", allDay: true, end: "2025-04-01", summary: "2025年3月31日有一期¥1,000的分期到期" },
      { day: "2025-04-30", allDay: true, end: "2025-05-01", summary: "2025年4月30日有一期¥1,000的分期到期" },
    ]);
    expect(events[0]!.description).toContain("/data/events/new?type=repayment");
    // The alarm: 09:00 the day before (15 hours before the all-day event's midnight).
    expect(events[0]!.component.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger")?.toString()).toBe("-PT15H");
    // Stable ids, so a calendar updates an event instead of adding a copy.
    const again = parse(await (await calendarResponse(db, `${token}.ics`, now)).text());
    expect(again.events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));

    await revokeCalendarTokens(db, { userId: user.id });
    expect((await calendarResponse(db, `${token}.ics`, now)).status).toBe(404);
  });

  it("unknown and malformed tokens are a 404; a new link replaces the old", async () => {
    const db = ctx().prisma;
    const user = await borrowerWith(db, drawHistory("2025-01-31"), { locale: "en" });
    expect((await calendarResponse(db, "cal_nope.ics")).status).toBe(404);
    expect((await calendarResponse(db, `cal_${"A".repeat(43)}.ics`)).status).toBe(404);
    const first = await createCalendarToken(db, { userId: user.id });
    const second = await createCalendarToken(db, { userId: user.id });
    expect((await calendarResponse(db, `${first.token}.ics`)).status).toBe(404);
    const res = await calendarResponse(db, `${second.token}.ics`, new Date("2025-02-20T04:00:00Z"));
    expect(parse(await res.text()).events[0]!.summary).toBe("Instalment of ¥1,000 due on February 28, 2025");
  });
});
