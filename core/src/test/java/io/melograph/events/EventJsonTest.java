package io.melograph.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventJsonTest {
    @Test
    void writesWhatTheParserReadsBack() {
        List<Event> events = List.of(
                new Event("e-1", "user \"quoted\" \\ back", "song:ñandú/1", ItemType.SONG, Action.SKIP, 12_000, 12_000, "fm", 1_704_067_200_000L),
                new Event("e-2", "u", "v-1", ItemType.VIDEO, Action.PLAY, Event.UNKNOWN, Event.UNKNOWN, null, 1_704_067_200_001L));
        String json = EventJson.writeArray(events);
        EventParser.Result back = new EventParser(10).parse(json.getBytes(StandardCharsets.UTF_8), 1_704_067_300_000L);
        assertEquals(List.of(), back.problems());
        assertEquals(events, back.events());
        assertEquals("{\"eventId\":\"e-2\",\"userId\":\"u\",\"itemId\":\"v-1\",\"itemType\":\"video\",\"action\":\"play\",\"ts\":1704067200001}",
                EventJson.write(events.get(1)), "unknown position, duration and scene are left out");
    }
}
