package io.melograph.cli;

import io.melograph.events.Event;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimulatedJournals;
import io.melograph.interest.InterestModelFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code melograph train interests} makes registry versions judged on the next new song of a held-out window, promoting
 * only a better one, and refuses a held-out window too small to judge.
 */
class TrainInterestsCommandTest {
    private CliRunner cli;
    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        cli = new CliRunner();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void firstVersionIsPromotedAWorseOneIsKeptAndTooFewHeldOutListenersAreRefused() throws Exception {
        Path home = dir.resolve("home");
        List<Event> events = SimulatedJournals.write(home.resolve("journal"), 2000, 8, 300, 28, 11);
        Instant to = Instant.ofEpochMilli(SimConfig.DEFAULT_START_MILLIS).plusSeconds(21 * 86_400);
        assertEquals(0, cli.run("train", "interests", "--home", home.toString(), "--to", to.toString(), "--epochs", "10"), cli.stderr());
        assertTrue(cli.stdout().contains("first version of the interest model") && cli.stdout().contains("promoted:"), cli.stdout());
        ModelRegistry registry = new ModelRegistry(home);
        ModelCard good = registry.list(InterestModelFile.KIND).get(0);
        assertEquals(good.version(), registry.current(InterestModelFile.KIND).orElseThrow());
        assertEquals(to.toString(), good.windowTo());
        InterestModelFile.Stored stored = InterestModelFile.read(registry.dir(InterestModelFile.KIND, good.version()).resolve(InterestModelFile.NAME));
        assertTrue(stored.songIds().size() >= 300, "the journal's songs: " + stored.songIds().size());
        assertTrue(stored.now() != null, "the short-term model comes with it");
        // served: refit on everything once judged; the judged models are kept to judge the next version fairly
        assertTrue(Files.exists(registry.dir(InterestModelFile.KIND, good.version()).resolve("judged-" + InterestModelFile.NAME)));
        assertTrue(good.metrics().get("refit.events") > good.metrics().get("events.trained"), good.metrics().toString());
        assertTrue(good.metrics().get("now.hitrate@50") > 0.15, good.metrics().toString());
        // far above chance (50 of ~1,600 songs); the card also says what popularity alone reaches on the same songs
        assertTrue(good.metrics().get("hitrate@50") > 0.15, good.metrics().toString());
        assertTrue(good.metrics().containsKey("popularity.hitrate@50"), good.metrics().toString());
        assertTrue(good.metrics().get("listeners.checked") >= 50, good.metrics().toString());
        // MIND's two forms were each trained before the training window's last quarter and judged on it; the better is served
        Map<String, Double> m = good.metrics();
        assertTrue(m.get("form.listeners.checked") >= 50, m.toString());
        boolean capsules = m.get("form.capsules.hitrate@50") > m.get("form.routed-mean.hitrate@50")
                || m.get("form.capsules.hitrate@50").equals(m.get("form.routed-mean.hitrate@50"))
                && m.get("form.capsules.ndcg@10") > m.get("form.routed-mean.ndcg@10");
        assertEquals(capsules, !stored.model().form().routedMean(), m.toString());
        assertTrue(good.note().contains((capsules ? "capsules" : "routed-mean") + ", the better of 2 forms on the next new song of"), good.note());

        // the same held-out window, but only its last day to learn from and one pass: worse, so kept and not promoted
        assertEquals(0, cli.run("train", "interests", "--home", home.toString(), "--to", to.toString(), "--epochs", "1",
                "--from", to.minusSeconds(86_400).toString(), "--no-refit"), cli.stderr());
        assertTrue(cli.stdout().contains("not promoted: HitRate@50 of the next new song"), cli.stdout());
        ModelCard worse = registry.list(InterestModelFile.KIND).get(1);
        assertTrue(worse.metrics().get("hitrate@50") < worse.metrics().get("current.hitrate@50"), worse.metrics().toString());
        assertEquals(good.version(), registry.current(InterestModelFile.KIND).orElseThrow(), "the better one stays current");
        assertTrue(!Files.exists(registry.dir(InterestModelFile.KIND, worse.version()).resolve("judged-" + InterestModelFile.NAME)),
                "not refit: what was judged is what is served");

        // a held-out window of the journal's last minute: nobody to judge with
        Instant last = Instant.ofEpochMilli(events.stream().mapToLong(Event::ts).max().orElseThrow());
        assertEquals(2, cli.run("train", "interests", "--home", home.toString(), "--to", last.minusSeconds(60).toString()));
        assertTrue(cli.stderr().contains("too few to judge a model"), cli.stderr());
        assertEquals(2, cli.run("train", "interests", "--home", home.toString(), "--kind", "capsules"));
        assertTrue(cli.stderr().contains("--kind: mind or single"), cli.stderr());
    }
}
