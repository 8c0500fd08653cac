package io.melograph.scene;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileZonesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void zonesAreReadOncePerTtlAndExpiredOnesAreLetGo() {
        ProfileZones zones = new ProfileZones(100);
        AtomicInteger reads = new AtomicInteger();
        long t = 1_700_000_000_000L;
        assertEquals(BERLIN, zones.get("a", t, u -> { reads.incrementAndGet(); return BERLIN; }));
        assertEquals(BERLIN, zones.get("a", t + 1_000, u -> { reads.incrementAndGet(); return ZoneId.of("UTC"); }));
        assertEquals(1, reads.get(), "remembered within the TTL");
        assertEquals(ZoneId.of("UTC"), zones.get("a", t + ProfileZones.TTL_MS + 1, u -> ZoneId.of("UTC")), "read again after it");

        // a stream of one-time listeners: memory holds those of the last TTL, not all of them
        for (int i = 0; i < 10_000; i++) {
            zones.get("once-" + i, t + i * 1_000L, u -> BERLIN);
        }
        int perTtl = (int) (ProfileZones.TTL_MS / 1_000);
        assertTrue(zones.size() <= 2 * Math.max(100, perTtl) + 1, zones.size() + " zones held");
        zones.forget("once-9999");
        assertEquals(ZoneId.of("UTC"), zones.get("once-9999", t + 9_999_000L, u -> ZoneId.of("UTC")), "forgotten: read again");
    }
}
