"""The plan as an RFC 5545 calendar: a to-do per benchmark and action, an event for the
reassessment, each with an alarm."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, Todo

from passionpath.plan._store import PlanView

PRODUCT_ID = "-//passionpath//career plan//EN"


def _alarm(text: str, before: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", -before)
    return alarm


def plan_calendar(plan: PlanView, now: datetime | None = None) -> bytes:
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"passionpath: {plan.title}")
    for objective in plan.objectives:
        for b in objective.benchmarks:
            todo = Todo()
            todo.add("uid", f"plan-{plan.id}-benchmark-{b.id}@passionpath")
            todo.add("dtstamp", stamp)
            todo.add("summary", f"Benchmark: {b.check}"[:200])
            todo.add("description", f"{objective.statement}\n\nCheck: {b.check}")
            todo.add("due", b.due)
            todo.add("categories", ["passionpath", "benchmark"])
            if b.done_at is not None:
                todo.add("status", "COMPLETED")
                todo.add("completed", b.done_at)
            else:
                todo.add("status", "NEEDS-ACTION")
            todo.add_component(_alarm(f"Due tomorrow: {b.check}"[:200], timedelta(days=1)))
            calendar.add_component(todo)
    for a in plan.actions:
        todo = Todo()
        todo.add("uid", f"plan-{plan.id}-action-{a.id}@passionpath")
        todo.add("dtstamp", stamp)
        todo.add("summary", f"{a.kind.title()}: {a.title}"[:200])
        todo.add("due", a.due)
        todo.add("categories", ["passionpath", a.kind])
        if a.done_on is not None:
            todo.add("status", "COMPLETED")
            todo.add("completed", datetime.combine(a.done_on, datetime.min.time(), UTC))
        else:
            todo.add("status", "NEEDS-ACTION")
        if a.attached:
            todo.add("description", a.attached)
        todo.add_component(_alarm(f"Coming up: {a.title}"[:200], timedelta(days=3)))
        calendar.add_component(todo)
    event = Event()
    event.add("uid", f"plan-{plan.id}-reassess@passionpath")
    event.add("dtstamp", stamp)
    event.add("summary", "Reassess: retake the interest inventory and re-run matching")
    event.add("dtstart", plan.reassess_on)
    event.add("dtend", plan.reassess_on + timedelta(days=1))
    event.add_component(_alarm("Reassessment in two days", timedelta(days=2)))
    calendar.add_component(event)
    return bytes(calendar.to_ical())
