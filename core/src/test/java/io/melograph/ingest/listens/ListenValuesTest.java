package io.melograph.ingest.listens;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListenValuesTest {

    @Test
    void isoTimesInAnyZone() {
        for (String t : new String[] {"2009-05-04T23:08:57Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00Z"}) {
            assertEquals(Instant.parse(t).toEpochMilli(), ListenValues.isoMillis(t), t);
        }
        assertEquals(1241478537000L, ListenValues.isoMillis("2009-05-05T01:08:57+02:00"));
        assertEquals(1241478537250L, ListenValues.isoMillis("2009-05-04T23:08:57.250Z"));
        assertNull(ListenValues.isoMillis("2009-02-30T10:00:00Z"), "no 30 February");
        assertNull(ListenValues.isoMillis("2009-05-04 23:08:57"), "no zone");
        assertNull(ListenValues.isoMillis("yesterday"));
    }

    @Test
    void spotifyTimes() {
        assertEquals(1614882782000L, ListenValues.spotifyMillis("2021-03-04T18:33:02Z"));
        assertEquals(1614882782000L, ListenValues.spotifyMillis("2021-03-04 18:33:02"), "zone-less means UTC");
        assertEquals(1614882780000L, ListenValues.spotifyMinuteMillis("2021-03-04 18:33"));
        assertNull(ListenValues.spotifyMinuteMillis("04/03/2021 18:33"));
    }

    @Test
    void musicBrainzIds() {
        assertTrue(ListenValues.isMbid("87c5dedd-371d-4a53-9f7f-80522fb7f3cb"));
        assertTrue(ListenValues.isMbid("87C5DEDD-371D-4A53-9F7F-80522FB7F3CB"));
        assertFalse(ListenValues.isMbid("87c5dedd371d4a539f7f80522fb7f3cb"));
        assertFalse(ListenValues.isMbid("87c5dedd-371d-4a53-9f7f-80522fb7f3cg"));
        assertFalse(ListenValues.isMbid("spotify:track:4uLU6hMCjMI75M1A2tKUQC"));
        assertFalse(ListenValues.isMbid(null));
    }
}
