package io.melograph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory soak: sends events for many distinct listeners (each new listener plays, completes or skips, and plays
 * again, then never comes back) to POST /events at a fixed rate, and at checkpoints measures the service's live heap
 * after a full GC and its resident set. Flat numbers after the warm-up mean memory follows the listeners of the
 * moment, not everyone who ever played.
 */
public final class SoakLoad {
    /** One checkpoint: listeners and events sent so far, the service's memory then. */
    public record Checkpoint(long listeners, long events, double seconds, long failed, long heapAfterGcMb, long rssMb) {
        public String format() {
            return String.format(Locale.ROOT, "%,10d listeners %,11d events %7.0f s %,9.0f events/s  heap after GC %,6d MB  RSS %,6d MB  %d failed",
                    listeners, events, seconds, events / Math.max(seconds, 1e-9), heapAfterGcMb, rssMb, failed);
        }
    }

    private static final int EVENTS_PER_LISTENER = 3;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final String token;
    private final List<String> songs;
    private final long pid;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    /** {@code pid}: the service's process on this machine, for its memory (0: not measured). */
    public SoakLoad(String baseUrl, String token, List<String> songs, long pid) {
        if (songs.isEmpty()) {
            throw new IllegalArgumentException("the soak needs song ids from the catalog");
        }
        this.events = URI.create(baseUrl.replaceAll("/$", "") + "/events");
        this.token = token;
        this.songs = List.copyOf(songs);
        this.pid = pid;
    }

    /** Sends {@code listeners} new listeners at {@code rate} events/s in batches, measuring at {@code checkpoints} even steps. */
    public List<Checkpoint> run(long listeners, int rate, int batch, int checkpoints) throws IOException, InterruptedException {
        List<Checkpoint> out = new ArrayList<>();
        long started = System.nanoTime();
        long sent = 0;
        long failed = 0;
        long step = Math.max(1, listeners / checkpoints);
        int perBatch = Math.max(1, batch / EVENTS_PER_LISTENER);
        long ts = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1);
        for (long first = 0; first < listeners; first += perBatch) {
            long last = Math.min(listeners, first + perBatch);
            StringBuilder body = new StringBuilder("[");
            for (long u = first; u < last; u++) {
                String song = songs.get((int) (u % songs.size()));
                String next = songs.get((int) ((u * 31 + 7) % songs.size()));
                ts += 10;
                appendEvent(body, u, 0, song, "play", ts);
                appendEvent(body, u, 1, song, u % 3 == 0 ? "skip" : "complete", ts + 1);
                appendEvent(body, u, 2, next, "play", ts + 2);
            }
            body.setCharAt(body.length() - 1, ']');
            // paced: batch k is due at start + k events / rate
            long due = started + (long) (sent * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(events).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 202) {
                    failed++;
                }
            } catch (IOException e) {
                failed++;
            }
            sent += (last - first) * EVENTS_PER_LISTENER;
            if (last / step != first / step || last == listeners) {
                long[] memory = memory();
                Checkpoint c = new Checkpoint(last, sent, (System.nanoTime() - started) / 1e9, failed, memory[0], memory[1]);
                System.out.println(c.format());
                out.add(c);
            }
        }
        return out;
    }

    private void appendEvent(StringBuilder b, long user, int n, String song, String action, long ts) {
        b.append("{\"eventId\":\"soak-").append(run).append('-').append(user).append('-').append(n)
                .append("\",\"userId\":\"soak-").append(run).append('-').append(user)
                .append("\",\"itemId\":\"").append(song).append("\",\"itemType\":\"song\",\"action\":\"").append(action)
                .append("\",\"scene\":\"daily\",\"ts\":").append(ts).append("},");
    }

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    /** {heap used after a full GC, resident set} of the service in MB; -1 when not measured. */
    private long[] memory() throws IOException, InterruptedException {
        if (pid <= 0) {
            return new long[] {-1, -1};
        }
        jcmd("GC.run");
        Matcher heap = HEAP_USED.matcher(jcmd("GC.heap_info"));
        Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
        return new long[] {heap.find() ? Long.parseLong(heap.group(1)) / 1024 : -1, rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1};
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
