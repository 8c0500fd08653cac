package io.melograph.scene;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DailyDayTest {

    @Test
    void theDayTurnsAtSixInTheListenersZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(LocalDate.parse("2026-11-27"), DailyMixScene.dayOf(Instant.parse("2026-11-28T04:30:00Z"), berlin), "05:30 in Berlin");
        assertEquals(LocalDate.parse("2026-11-28"), DailyMixScene.dayOf(Instant.parse("2026-11-28T05:00:00Z"), berlin), "06:00 in Berlin");
        assertEquals(LocalDate.parse("2026-11-28"), DailyMixScene.dayOf(Instant.parse("2026-11-28T04:30:00Z"), tokyo), "13:30 in Tokyo");
    }
}
