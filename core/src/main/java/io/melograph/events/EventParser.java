package io.melograph.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request body (one event object or an array of them) into events, or into every problem with it: index (for
 * arrays), field and reason. Strict: unknown fields are errors, so a misspelt field cannot silently drop data.
 */
public final class EventParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("eventId", "userId", "itemId", "itemType", "action", "positionMs",
            "durationMs", "scene", "ts");
    private static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;
    public static final long MAX_POSITION = 24 * 3_600_000L;

    /** A problem with one event; index -1 for a single event or the body as a whole. */
    public record Problem(int index, String field, String reason) {}

    /** The events, or the problems (never both). */
    public record Result(List<Event> events, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final int maxBatch;

    public EventParser(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public Result parse(byte[] body, long now) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return invalid(-1, "", "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (java.io.IOException e) {
            return invalid(-1, "", "unreadable body: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return invalid(-1, "", "empty body: send an event object or an array of them");
        }
        List<Event> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                return invalid(-1, "", "empty array");
            }
            if (root.size() > maxBatch) {
                return invalid(-1, "", "too many events: " + root.size() + " (at most " + maxBatch + " per request)");
            }
            for (int i = 0; i < root.size(); i++) {
                parseOne(root.get(i), i, now, events, problems, true);
            }
        } else {
            parseOne(root, -1, now, events, problems, true);
        }
        return problems.isEmpty() ? new Result(events, List.of()) : new Result(List.of(), problems);
    }

    /**
     * An event as a topic stores it (one wire object, UTF-8): the intake's rules, except that fields a newer writer
     * added are ignored (schema evolution adds optional fields) and its time is not held against the clock.
     *
     * @throws IllegalArgumentException naming the problems, when the record is no event
     */
    public static Event stored(byte[] json) {
        List<Event> events = new ArrayList<>(1);
        List<Problem> problems = new ArrayList<>();
        try {
            parseOne(JSON.readTree(json), -1, Long.MAX_VALUE - DAY, events, problems, false);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an event: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not an event: " + problems);
        }
        return events.get(0);
    }

    private static Result invalid(int index, String field, String reason) {
        return new Result(List.of(), List.of(new Problem(index, field, reason)));
    }

    private static void parseOne(JsonNode node, int index, long now, List<Event> events, List<Problem> problems, boolean knownFieldsOnly) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(index, "", "an event must be a JSON object"));
            return;
        }
        int before = problems.size();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); knownFieldsOnly && it.hasNext(); ) {
            String f = it.next().getKey();
            if (!FIELDS.contains(f)) {
                problems.add(new Problem(index, f, "unknown field (fields: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")"));
            }
        }
        String eventId = text(node, "eventId", 128, true, index, problems);
        String userId = text(node, "userId", Ids.MAX_USER_ID, true, index, problems);
        String itemId = text(node, "itemId", Ids.MAX_ID, true, index, problems);
        String itemTypeText = text(node, "itemType", 16, true, index, problems);
        String actionText = text(node, "action", 16, true, index, problems);
        String scene = text(node, "scene", 64, false, index, problems);
        ItemType itemType = null;
        if (itemTypeText != null) {
            itemType = ItemType.parse(itemTypeText).orElse(null);
            if (itemType == null) {
                problems.add(new Problem(index, "itemType", "unknown item type '" + itemTypeText + "': song, video, mlog or playlist"));
            }
        }
        Action action = null;
        if (actionText != null) {
            action = Action.parse(actionText).orElse(null);
            if (action == null) {
                problems.add(new Problem(index, "action", "unknown action '" + actionText
                        + "': impression, click, play, complete, skip, like, unlike, dislike, save or share"));
            }
        }
        long position = millis(node, "positionMs", index, problems);
        long duration = millis(node, "durationMs", index, problems);
        long ts = timestamp(node, index, now, problems);
        if (problems.size() == before) {
            events.add(new Event(eventId, userId, itemId, itemType, action, position, duration, scene, ts));
        }
    }

    private static String text(JsonNode node, String field, int maxLength, boolean required, int index, List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new Problem(index, field, "is required"));
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(index, field, "must be a string"));
            return null;
        }
        String s = v.textValue();
        String problem = Ids.problem(s, maxLength);
        if (problem != null) {
            problems.add(new Problem(index, field, problem));
            return null;
        }
        return s;
    }

    private static long millis(JsonNode node, String field, int index, List<Problem> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Event.UNKNOWN;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(new Problem(index, field, "must be a whole number of milliseconds"));
            return Event.UNKNOWN;
        }
        long ms = v.longValue();
        if (ms < 0 || ms > MAX_POSITION) {
            problems.add(new Problem(index, field, "must be between 0 and " + MAX_POSITION + " (24 h)"));
            return Event.UNKNOWN;
        }
        return ms;
    }

    private static long timestamp(JsonNode node, int index, long now, List<Problem> problems) {
        JsonNode v = node.get("ts");
        if (v == null || v.isNull()) {
            problems.add(new Problem(index, "ts", "is required (epoch milliseconds or ISO-8601 like 2024-03-31T18:05:00Z)"));
            return 0;
        }
        long ts;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            ts = v.longValue();
        } else if (v.isTextual()) {
            try {
                ts = Instant.parse(v.textValue()).toEpochMilli();
            } catch (DateTimeParseException e) {
                problems.add(new Problem(index, "ts", "not an ISO-8601 instant: '" + abbreviate(v.textValue()) + "'"));
                return 0;
            } catch (ArithmeticException e) {
                // a valid instant beyond what epoch milliseconds can hold (e.g. year +1000000000)
                problems.add(new Problem(index, "ts", "out of range: before 2000 or more than a day in the future"));
                return 0;
            }
        } else {
            problems.add(new Problem(index, "ts", "must be epoch milliseconds or an ISO-8601 string"));
            return 0;
        }
        String outOfRange = checkTimestamp(ts, now);
        if (outOfRange != null) {
            problems.add(new Problem(index, "ts", outOfRange));
            return 0;
        }
        return ts;
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    /** Why {@code ts} is not an acceptable event time (null when it is), for producers that check before sending. */
    public static String checkTimestamp(long ts, long now) {
        return ts < EARLIEST || ts > now + DAY ? "out of range: before 2000 or more than a day in the future" : null;
    }
}
