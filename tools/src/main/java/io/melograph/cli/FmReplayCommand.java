package io.melograph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.melograph.eval.fm.FmAdaptationStudy;
import io.melograph.eval.fm.FmReplay;
import io.melograph.sim.HttpRecommendations;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.SimSong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

@Command(name = "fm-replay", mixinStandardHelpOptions = true,
        description = {"Private FM sessions replayed offline: for the listeners of the fm-adaptation study (same order), starts",
                "an adaptive FM session on the running service, reads its pool (GET /admin/fm/{id}/pool, admin token) and",
                "plays it to the same simulated listener with the ranker's order, the service's session model and an",
                "oracle (the pool's best match). Writes fm-replay.md."})
final class FmReplayCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service;

    @Mixin
    FmStudyOptions study;

    @Option(names = "--replays", defaultValue = "3", description = "Listener streams per pool: seeds seed, seed+1, ... (default ${DEFAULT-VALUE}).")
    int replays;

    @Option(names = "--out", defaultValue = "docs/eval", description = "Writes fm-replay.md here.") Path out;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (study.listeners < 1 || study.songs < 1 || replays < 1) {
            throw new IllegalArgumentException("--listeners, --songs and --replays must be positive");
        }
        service.awaitWarm(Duration.ofMinutes(3));
        List<SimSong> songsInGraph = study.catalog();
        ListenerSimulator sim = study.simulator(songsInGraph);
        HttpRecommendations radio = new HttpRecommendations(URI.create(service.url), service.token, () -> { });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<FmReplay.Pool> pools = new ArrayList<>();
        for (String user : FmAdaptationStudy.candidates(sim, study.seed)) {
            if (pools.size() == study.listeners) {
                break;
            }
            if (radio.fmNext(user, true).isPresent()) {
                pools.add(pool(http, user));
                System.err.print("\r" + pools.size() + "/" + study.listeners + " pools");
            }
        }
        System.err.println();
        long[] seeds = LongStream.range(study.seed, study.seed + replays).toArray();
        List<FmReplay.Result> results = FmReplay.run(sim, pools, study.songs, seeds);
        Files.createDirectories(out);
        Path md = out.resolve("fm-replay.md");
        Files.writeString(md, report(results, pools.size(), songsInGraph.size()));
        System.out.println("wrote " + md);
        results.forEach(r -> System.out.printf(Locale.ROOT, "%-36s skip rate %.3f  ratio %.2f%n", r.chooser(), r.skipRate(),
                r.skipRate() / results.get(0).skipRate()));
        return 0;
    }

    /** The session's pool; a degraded one (fallback or few channels at the start) is read again after its refill. */
    private FmReplay.Pool pool(HttpClient http, String user) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(service.url + "/admin/fm/" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "/pool"))
                .header("Authorization", "Bearer " + service.token).timeout(Duration.ofSeconds(30)).build();
        JsonNode pool = null;
        for (int attempt = 0; attempt < 20 && (pool == null || pool.path("degraded").asBoolean()); attempt++) {
            if (pool != null) {
                Thread.sleep(250);
            }
            HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /admin/fm/" + user + "/pool: " + r.statusCode() + " " + r.body()
                        + (r.statusCode() == 401 ? " (--token must be the admin token)" : ""));
            }
            pool = json.readTree(r.body());
        }
        List<FmReplay.Song> songs = new ArrayList<>();
        for (JsonNode s : pool.path("songs")) {
            songs.add(new FmReplay.Song(s.path("songId").asText(), s.path("score").asDouble(), strings(s.path("artistIds")),
                    strings(s.path("genres"))));
        }
        return new FmReplay.Pool(user, songs);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String blocks(double[] rates) {
        List<String> out = new ArrayList<>();
        for (double r : rates) {
            out.add(String.format(Locale.ROOT, "%.0f", 100 * r));
        }
        return String.join(" / ", out) + " %";
    }

    private String report(List<FmReplay.Result> results, int pools, int catalogSongs) {
        StringBuilder b = new StringBuilder("# Private FM sessions replayed offline\n\n");
        b.append("Each listener's Private FM pool, as the running service built and scored it at the start of an adaptive ")
                .append("session, played to the same simulated listener (the demo community's taste, the simulator's behaviour ")
                .append("model) by three choosers. The pool is fixed: no background refills or explorations. The oracle ")
                .append("always takes the pool's best match by the simulator's ground truth: what feedback could reach at best.\n\n");
        b.append("| setting | value |\n|---|---|\n");
        b.append("| command | `melograph eval fm-replay --url URL --token ADMIN --graph-uri BOLT --listeners ").append(study.listeners)
                .append(" --songs ").append(study.songs).append(" --seed ").append(study.seed).append(" --replays ").append(replays)
                .append(" --out ").append(out).append("` |\n");
        b.append("| dataset | ").append(study.dataset(catalogSongs)).append(" |\n");
        b.append("| pools | ").append(pools).append(" |\n");
        b.append("| listener streams per pool | ").append(replays).append(" |\n\n");
        b.append("| chooser | songs | skip rate | ratio to the ranker's order | mean taste match | skip rate by four-song block |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        double base = results.get(0).skipRate();
        for (FmReplay.Result r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.2f | %.3f | %s |%n", r.chooser(), r.songs(),
                    100 * r.skipRate(), r.skipRate() / base, r.meanMatch(), blocks(r.blockSkipRates())));
        }
        return b.toString();
    }
}
