package io.melograph.eval;

import io.melograph.ingest.CsvReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads evaluation datasets from files: the HetRec 2011 Last.fm folder, or plain interaction / triple CSVs. */
public final class DatasetLoader {
    private DatasetLoader() {}

    /**
     * HetRec Last.fm. Interactions: user–artist play counts ({@code timed = false}), or the dated tag assignments as
     * timestamped events, one session a day ({@code timed = true}). Side graph: artist –tagged→ tag, user –friend→ user.
     */
    public static Dataset hetrec(Path dir, boolean timed) throws IOException {
        return hetrec(dir, timed, false);
    }

    /**
     * As {@link #hetrec(Path, boolean)}; with {@code tagsFromOthers} the side graph keeps only tag assignments whose
     * user does not have the artist among their interactions. A tag a listener put on an artist tells that they know
     * it, so with it a held-out play can show through the graph; without it that path is closed, at the price of every
     * listener's tags (a conservative bound for graph scorers). With tag assignments as the interactions
     * ({@code timed}) no tag is left.
     */
    public static Dataset hetrec(Path dir, boolean timed, boolean tagsFromOthers) throws IOException {
        Checksum sum = new Checksum();
        Dataset.Builder b = new Dataset.Builder("lastfm-hetrec" + (timed ? " (tag assignments)" : "")
                + (tagsFromOthers ? ", tags from non-listeners" : ""));
        Set<String> interacted = new HashSet<>();
        Set<String> artists = new HashSet<>();
        for (String[] f : tsv(dir.resolve("artists.dat"), sum)) {
            artists.add(f[0]);
        }
        List<String[]> tagged = tsv(dir.resolve("user_taggedartists.dat"), sum);
        if (timed) {
            for (String[] f : tagged) {
                if (artists.contains(f[1])) {
                    long day = LocalDate.of(Integer.parseInt(f[5]), Integer.parseInt(f[4]), Integer.parseInt(f[3]))
                            .atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                    b.interaction("user:" + f[0], "artist:" + f[1], 1, day, null);
                    interacted.add(f[0] + "\t" + f[1]);
                }
            }
        } else {
            for (String[] f : tsv(dir.resolve("user_artists.dat"), sum)) {
                b.interaction("user:" + f[0], "artist:" + f[1], Float.parseFloat(f[2]), Dataset.NO_TIME, null);
                interacted.add(f[0] + "\t" + f[1]);
            }
        }
        Set<String> seen = new HashSet<>();
        for (String[] f : tagged) {
            if (artists.contains(f[1]) && !(tagsFromOthers && interacted.contains(f[0] + "\t" + f[1]))
                    && seen.add(f[1] + "\t" + f[2])) {
                b.triple("artist:" + f[1], "tagged", "tag:" + f[2]);
            }
        }
        for (String[] f : tsv(dir.resolve("user_friends.dat"), sum)) {
            b.triple("user:" + f[0], "friend", "user:" + f[1]);
        }
        return b.build(sum.hex());
    }

    /**
     * {@code user,item[,weight][,ts]} (header optional; with a header, columns are found by name and an {@code action}
     * column is read too), and optionally {@code head,relation,tail} triples whose items use the same ids.
     */
    public static Dataset csv(Path interactions, Path triples) throws IOException {
        Checksum sum = new Checksum();
        Dataset.Builder b = new Dataset.Builder(interactions.getFileName().toString());
        if (interactions.getFileName().toString().endsWith(".jsonl")) {
            events(interactions, sum, b);
            triples(triples, sum, b);
            return b.build(sum.hex());
        }
        List<List<String>> rows = csvRows(interactions, sum);
        Map<String, Integer> columns = new HashMap<>(Map.of("user", 0, "item", 1, "weight", 2, "ts", 3));
        int start = 0;
        if (!rows.isEmpty() && rows.get(0).get(0).strip().equalsIgnoreCase("user")) {
            columns.clear();
            for (int c = 0; c < rows.get(0).size(); c++) {
                columns.put(rows.get(0).get(c).strip().toLowerCase(Locale.ROOT), c);
            }
            start = 1;
            if (!columns.containsKey("item")) {
                throw new IllegalArgumentException(interactions + ": the header needs user and item columns");
            }
        }
        for (int r = start; r < rows.size(); r++) {
            List<String> f = rows.get(r);
            int line = r + 1;
            try {
                String weight = cell(f, columns.get("weight"));
                String ts = cell(f, columns.get("ts"));
                b.interaction(f.get(columns.get("user")).strip(), f.get(columns.get("item")).strip(),
                        weight.isEmpty() ? 1 : Float.parseFloat(weight), ts.isEmpty() ? Dataset.NO_TIME : time(ts),
                        columns.containsKey("action") ? emptyToNull(cell(f, columns.get("action"))) : null);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(interactions.getFileName() + ":" + line + ": " + e.getMessage(), e);
            }
        }
        triples(triples, sum, b);
        return b.build(sum.hex());
    }

    /**
     * Events in the POST /events wire format, one JSON object a line (what {@code melograph simulate --out} writes):
     * the song events, each with its user, time, action and scene (weight 1). Events about playlists, videos and
     * MLOGs are left out: the protocols rank songs.
     */
    private static void events(Path file, Checksum sum, Dataset.Builder b) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(sum.open(file), StandardCharsets.UTF_8))) {
            int line = 0;
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                try {
                    com.fasterxml.jackson.databind.JsonNode e = json.readTree(l);
                    if (!"song".equals(e.path("itemType").asText("song"))) {
                        continue;
                    }
                    b.interaction(e.get("userId").asText(), e.get("itemId").asText(), 1, e.get("ts").asLong(),
                            e.get("action").asText(), e.hasNonNull("scene") ? e.get("scene").asText() : null);
                } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw new IllegalArgumentException(file.getFileName() + ":" + line + ": not an event: " + ex.getMessage(), ex);
                }
            }
        }
    }

    private static void triples(Path triples, Checksum sum, Dataset.Builder b) throws IOException {
        if (triples != null) {
            List<List<String>> t = csvRows(triples, sum);
            int first = !t.isEmpty() && t.get(0).get(0).strip().equalsIgnoreCase("head") ? 1 : 0;
            for (int r = first; r < t.size(); r++) {
                List<String> f = t.get(r);
                if (f.size() < 3) {
                    throw new IllegalArgumentException(triples.getFileName() + ":" + (r + 1) + ": expected head,relation,tail");
                }
                b.triple(f.get(0).strip(), f.get(1).strip(), f.get(2).strip());
            }
        }
    }

    /** Keeps the interactions whose item appears in the knowledge graph, as the published KG papers do. */
    public static Dataset restrictToGraphItems(Dataset d) {
        Set<Integer> linked = new HashSet<>();
        int items = d.itemIds().size();
        for (int k = 0; k < d.graph().size(); k++) {
            if (d.graph().heads()[k] < items) {
                linked.add(d.graph().heads()[k]);
            }
            if (d.graph().tails()[k] < items) {
                linked.add(d.graph().tails()[k]);
            }
        }
        Dataset.Builder b = new Dataset.Builder(d.name() + ", items in the graph");
        for (int r = 0; r < d.size(); r++) {
            if (linked.contains(d.items()[r])) {
                b.interaction(d.userIds().get(d.users()[r]), d.itemIds().get(d.items()[r]), d.weights()[r], d.times()[r],
                        d.actions() == null ? null : d.actions()[r], d.scenes() == null ? null : d.scenes()[r]);
            }
        }
        for (int k = 0; k < d.graph().size(); k++) {
            b.triple(d.entityIds().get(d.graph().heads()[k]), d.graph().relations().get(d.graph().relationOf()[k]),
                    d.entityIds().get(d.graph().tails()[k]));
        }
        return b.build(d.checksum());
    }

    private static String cell(List<String> f, Integer column) {
        return column == null || column >= f.size() ? "" : f.get(column).strip();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Epoch seconds or milliseconds, an ISO date-time, or an ISO date (UTC). */
    static long time(String s) {
        if (s.matches("-?\\d+")) {
            long v = Long.parseLong(s);
            return Math.abs(v) < 100_000_000_000L ? v * 1000 : v;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (RuntimeException e2) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
    }

    /** Tab-separated HetRec file without its header. */
    private static List<String[]> tsv(Path file, Checksum sum) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(sum.open(file), StandardCharsets.ISO_8859_1))) {
            r.readLine();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    out.add(l.split("\t", -1));
                }
            }
        }
        return out;
    }

    private static List<List<String>> csvRows(Path file, Checksum sum) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(sum.open(file))) {
            for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
                if (rec.error() != null) {
                    throw new IllegalArgumentException(file.getFileName() + ":" + rec.line() + ": " + rec.error());
                }
                out.add(rec.fields());
            }
        }
        return out;
    }

    /** SHA-256 over every byte read from the input files, in order. */
    private static final class Checksum {
        private final MessageDigest digest;

        Checksum() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        InputStream open(Path file) throws IOException {
            return new DigestInputStream(Files.newInputStream(file), digest);
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
