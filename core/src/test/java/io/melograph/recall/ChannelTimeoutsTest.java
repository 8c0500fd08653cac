package io.melograph.recall;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChannelTimeoutsTest {

    @Test
    void theShareIsOfTheLatestAnswersOnly() {
        ChannelTimeouts t = new ChannelTimeouts();
        assertEquals(0, t.share());
        for (int i = 0; i < ChannelTimeouts.WINDOW; i++) {
            t.record(true); // a cold start: everything out of time
        }
        assertEquals(1.0, t.share());
        for (int i = 0; i < ChannelTimeouts.WINDOW / 2; i++) {
            t.record(false);
        }
        assertEquals(0.5, t.share(), 1e-9);
        for (int i = 0; i < ChannelTimeouts.WINDOW; i++) {
            t.record(i % 20 == 0);
        }
        assertEquals(0.05, t.share(), 1e-9, "the cold start has left the window");
        assertEquals(ChannelTimeouts.WINDOW, t.answers());
    }
}
