package io.melograph.eval;

import io.melograph.events.Event;
import io.melograph.events.EventJson;
import io.melograph.rank.ItemSideInfo;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.PopularityPrior;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimSong;
import io.melograph.sim.SyntheticCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sequence protocol on simulated events (JSONL + catalog triples): behaviour rankers with the exposure context. */
class BehaviourRankersTest {

    @Test
    void contextualRankersBeatPopularityOnSimulatedBehaviour(@TempDir Path dir) throws IOException {
        List<SimSong> catalog = SyntheticCatalog.generate(400, 3);
        List<Event> events = new ArrayList<>();
        new ListenerSimulator(catalog, SimConfig.defaults(80, 14, 3), PopularityPrior.defaults()).run(events::add);
        StringBuilder jsonl = new StringBuilder();
        events.forEach(e -> jsonl.append(EventJson.write(e)).append('\n'));
        Files.writeString(dir.resolve("events.jsonl"), jsonl);
        StringBuilder triples = new StringBuilder("head,relation,tail\n");
        catalog.forEach(s -> s.artists().forEach(a -> triples.append(s.id()).append(",performedBy,").append(a).append('\n')));
        Files.writeString(dir.resolve("catalog.csv"), triples);

        Dataset d = DatasetLoader.csv(dir.resolve("events.jsonl"), dir.resolve("catalog.csv"));
        assertNotNull(d.scenes(), "scenes are read");
        assertEquals(events.stream().filter(e -> e.itemType() == io.melograph.events.ItemType.SONG).count(), d.size(),
                "song events only");
        ItemSideInfo side = SequenceProtocol.sideInfo(d, LastSessionSplitter.split(d, null, LastSessionSplitter.SESSION_GAP_MILLIS).trainRows());
        assertTrue(side.artists().stream().allMatch(a -> !a.isEmpty()), "every simulated song has its artist");

        EvalReport r = SequenceProtocol.run(d, List.of("popularity"), List.of("popularity", "ftrl", "lr-offline"), 42);
        Map<String, Double> pop = metrics(r, "popularity (behaviour)");
        Map<String, Double> ftrl = metrics(r, "ftrl (behaviour)");
        Map<String, Double> lr = metrics(r, "lr-offline (behaviour)");
        for (String b : List.of("click", "complete")) {
            assertTrue(ftrl.get(b + " auc") > pop.get(b + " auc") + 0.03, b + ": ftrl " + ftrl + " vs popularity " + pop);
            assertTrue(lr.get(b + " auc") > pop.get(b + " auc") + 0.03, b + ": lr-offline " + lr + " vs popularity " + pop);
            assertTrue(ftrl.get(b + " logloss") < pop.get(b + " logloss"), b + " logloss");
        }
    }

    private static Map<String, Double> metrics(EvalReport r, String model) {
        return r.results().stream().filter(m -> m.model().equals(model)).findFirst().orElseThrow().metrics();
    }
}
