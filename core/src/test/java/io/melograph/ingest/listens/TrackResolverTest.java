package io.melograph.ingest.listens;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrackResolverTest {

    @Test
    void anEncyclopaediasDisambiguationIsNotPartOfTheTitle() {
        assertEquals("All the Madmen", plain("All the Madmen (song)"));
        assertEquals("After All", plain("After All (Cher and Peter Cetera song)"));
        assertEquals("Money", plain("Money (Pink Floyd Single)"));
        assertEquals("Yesterday (Remastered 2009)", plain("Yesterday (Remastered 2009)"), "a version is part of the title");
        assertEquals("Songbird (live)", plain("Songbird (live)"));
    }

    private static String plain(String title) {
        return TrackResolver.DISAMBIGUATION.matcher(title).replaceFirst("");
    }
}
