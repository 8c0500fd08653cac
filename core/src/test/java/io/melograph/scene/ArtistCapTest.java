package io.melograph.scene;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArtistCapTest {

    @Test
    void keepsAtMostTwoSongsPerArtistIncludingSharedCredits() {
        Map<String, List<String>> artists = Map.of("s1", List.of("a"), "s2", List.of("a", "b"), "s3", List.of("a"),
                "s4", List.of("b"), "s5", List.of("b"), "s6", List.of());
        List<String> kept = new ArtistCap(2).apply(List.of("s1", "s2", "s3", "s4", "s5", "s6"), artists::get, 10);
        assertEquals(List.of("s1", "s2", "s4", "s6"), kept);
    }

    @Test
    void stopsAtTheLimitAndRejectsAZeroCap() {
        assertEquals(List.of("s1"), new ArtistCap(2).apply(List.of("s1", "s2"), s -> List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new ArtistCap(0));
    }
}
