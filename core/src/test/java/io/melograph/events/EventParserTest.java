package io.melograph.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventParserTest {
    private static final long NOW = 1_704_067_300_000L;

    private static List<EventParser.Problem> problems(String json) {
        EventParser.Result r = new EventParser(10).parse(json.getBytes(StandardCharsets.UTF_8), NOW);
        assertTrue(r.events().isEmpty(), r.toString());
        return r.problems();
    }

    private static String event(String user, String ts) {
        return "{\"eventId\":\"e1\",\"userId\":\"" + user + "\",\"itemId\":\"s1\",\"itemType\":\"song\",\"action\":\"play\",\"ts\":" + ts + "}";
    }

    @Test
    void anInstantBeyondEpochMillisecondsIsOutOfRangeNotAnError() {
        for (String ts : new String[] {"\"+1000000000-01-01T00:00:00Z\"", "\"-1000000000-01-01T00:00:00Z\""}) {
            List<EventParser.Problem> p = problems(event("u1", ts));
            assertEquals(1, p.size(), p.toString());
            assertEquals("ts", p.get(0).field());
            assertTrue(p.get(0).reason().startsWith("out of range"), p.toString());
        }
    }

    @Test
    void idsFollowOneRuleBlankControlAndLoneSurrogatesRefused() {
        assertEquals("must not be empty", problems(event("  ", "1704067200000")).get(0).reason());
        assertEquals("contains control characters", problems(event("u\\u0007", "1704067200000")).get(0).reason());
        // "\ud800" alone would be written as '?', colliding with any other id that has one there
        assertTrue(problems(event("u\\ud800", "1704067200000")).get(0).reason().contains("lone UTF-16 surrogate"));
        assertTrue(problems(event("u\\udc00x", "1704067200000")).get(0).reason().contains("lone UTF-16 surrogate"));
        // a real pair (an emoji) is a character like any other
        EventParser.Result ok = new EventParser(10).parse(event("u\\ud83c\\udfb5", "1704067200000").getBytes(StandardCharsets.UTF_8), NOW);
        assertTrue(ok.valid(), ok.toString());
        assertEquals("u\uD83C\uDFB5", ok.events().get(0).userId());
    }
}
