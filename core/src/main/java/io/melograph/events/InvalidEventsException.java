package io.melograph.events;

import java.util.List;

/** A batch failed validation; nothing of it was recorded. */
public final class InvalidEventsException extends java.io.IOException {
    public InvalidEventsException(List<EventParser.Problem> problems, List<Event> batch) {
        super(describe(problems, batch));
    }

    private static String describe(List<EventParser.Problem> problems, List<Event> batch) {
        StringBuilder sb = new StringBuilder("invalid events, nothing of the batch was recorded:");
        for (EventParser.Problem p : problems.subList(0, Math.min(10, problems.size()))) {
            String id = p.index() >= 0 && p.index() < batch.size() ? batch.get(p.index()).eventId() : "";
            sb.append("\n  ").append(id.isEmpty() ? "" : "event " + id + ": ").append(p.field().isEmpty() ? "" : p.field() + ": ")
                    .append(p.reason());
        }
        if (problems.size() > 10) {
            sb.append("\n  ... and ").append(problems.size() - 10).append(" more");
        }
        return sb.toString();
    }
}
