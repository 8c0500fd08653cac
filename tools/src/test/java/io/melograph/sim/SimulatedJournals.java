package io.melograph.sim;

import io.melograph.events.Event;
import io.melograph.events.FileJournal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A simulated community's events written to a file journal, as the training commands read a home's journal. */
public final class SimulatedJournals {
    private SimulatedJournals() {}

    /** Simulates {@code users} listeners over {@code days} on a synthetic catalog, appends every event to {@code dir}, returns them. */
    public static List<Event> write(Path dir, int songs, int genres, int users, int days, long seed) throws Exception {
        List<Event> events = new ArrayList<>();
        new ListenerSimulator(SyntheticCatalog.generate(songs, genres), SimConfig.defaults(users, days, seed), PopularityPrior.defaults())
                .run(events::add);
        try (FileJournal j = FileJournal.open(dir)) {
            for (int k = 0; k < events.size(); k += 500) {
                j.append(events.subList(k, Math.min(events.size(), k + 500))).get();
            }
        }
        return events;
    }
}
