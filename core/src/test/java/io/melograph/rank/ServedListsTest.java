package io.melograph.rank;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServedListsTest {
    private static final long T0 = 1_700_000_000_000L;

    private static List<FtrlRanker.Candidate> song(String id, String... channels) {
        return List.of(new FtrlRanker.Candidate(id, List.of(channels)));
    }

    @Test
    void eachSceneKeepsItsOwnChannelsAndAnEventWithoutASceneTakesTheLatest() {
        ServedLists served = new ServedLists(100);
        served.remember("u", "daily", T0, song("s1", "kg-tags"));
        served.remember("u", "fm", T0 + 1_000, song("s1", "interest-now"));
        assertEquals(List.of("kg-tags"), served.channels("u", "daily", "s1", T0 + 2_000));
        assertEquals(List.of("interest-now"), served.channels("u", "fm", "s1", T0 + 2_000));
        assertEquals(List.of("interest-now"), served.channels("u", null, "s1", T0 + 2_000), "no scene: the latest");
        // the app's clock a minute behind: Daily's showing is within the leeway, FM's a second later is not
        assertEquals(List.of("kg-tags"), served.channels("u", null, "s1", T0 - 59_500), "no scene: the last before it");
        assertEquals(List.of("kg-tags"), served.channels("u", null, "s1", T0 - 70_000), "none before it: the nearest after");
        assertEquals(List.of(), served.channels("u", "search", "s1", T0 + 2_000), "search served nothing");
        assertEquals(List.of(), served.channels("v", "daily", "s1", T0 + 2_000), "another listener");
        // shown again in Daily: its channels replace Daily's, FM's stay
        served.remember("u", "daily", T0 + 3_000, song("s1", "vector"));
        assertEquals(List.of("vector"), served.channels("u", "daily", "s1", T0 + 4_000));
        assertEquals(List.of("interest-now"), served.channels("u", "fm", "s1", T0 + 4_000));
        assertEquals(1, served.size(), "one entry per listener and song");
        // too long ago
        assertEquals(List.of(), served.channels("u", "daily", "s1", T0 + 3_000 + ServedLists.KEEP_MS + 1));
    }

    @Test
    void theOldestListenerAndSongGoFirstWhenFull() {
        ServedLists served = new ServedLists(2);
        served.remember("u", "daily", T0, song("s1", "a"));
        served.remember("u", "daily", T0, song("s2", "b"));
        served.remember("u", "fm", T0, song("s1", "c")); // s1 shown again: now the youngest
        served.remember("u", "daily", T0, song("s3", "d"));
        assertEquals(List.of(), served.channels("u", "daily", "s2", T0));
        assertEquals(List.of("a"), served.channels("u", "daily", "s1", T0));
        assertEquals(List.of("d"), served.channels("u", "daily", "s3", T0));
    }
}
