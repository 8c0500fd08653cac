package io.melograph.events;

import java.util.List;

import static io.melograph.util.Json.string;

/**
 * Writes events in the wire format {@link EventParser} reads (and docs/events.md describes): one compact JSON object,
 * fields in a fixed order, unknown positions and durations left out. Fixed order matters: simulated output must be
 * byte-identical for the same seed.
 */
public final class EventJson {
    private EventJson() {}

    public static String write(Event e) {
        StringBuilder sb = new StringBuilder(192);
        append(sb, e);
        return sb.toString();
    }

    public static String writeArray(List<Event> events) {
        StringBuilder sb = new StringBuilder(events.size() * 192 + 2).append('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            append(sb, events.get(i));
        }
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, Event e) {
        sb.append("{\"eventId\":");
        string(sb, e.eventId());
        sb.append(",\"userId\":");
        string(sb, e.userId());
        sb.append(",\"itemId\":");
        string(sb, e.itemId());
        sb.append(",\"itemType\":\"").append(e.itemType().wire()).append("\",\"action\":\"").append(e.action().wire()).append('"');
        if (e.positionMs() != Event.UNKNOWN) {
            sb.append(",\"positionMs\":").append(e.positionMs());
        }
        if (e.durationMs() != Event.UNKNOWN) {
            sb.append(",\"durationMs\":").append(e.durationMs());
        }
        if (e.scene() != null) {
            sb.append(",\"scene\":");
            string(sb, e.scene());
        }
        sb.append(",\"ts\":").append(e.ts()).append('}');
    }
}
