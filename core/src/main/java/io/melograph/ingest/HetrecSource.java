package io.melograph.ingest;

import io.melograph.ontology.ShapeRules;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The HetRec 2011 Last.fm dataset (hetrec2011-lastfm-2k): artists, tags, users, play counts as
 * {@code (User)-[:LISTENED {plays}]->(Artist)}, friendships as FOLLOWS both ways, dated tag assignments as
 * {@code (User)-[:APPLIED_TAG {tag, at}]->(Artist)} and their per-artist totals as {@code (Artist)-[:TAGGED {weight}]->(Tag)}.
 * Ids: {@code hetrec:artist:<id>}, {@code hetrec:user:<id>}, {@code hetrec:tag:<id>}.
 */
public final class HetrecSource implements ImportSource {
    public static final String ARTIST = "hetrec:artist:";
    public static final String USER = "hetrec:user:";
    public static final String TAG = "hetrec:tag:";
    private static final String[] FILES = {"artists.dat", "tags.dat", "user_artists.dat", "user_friends.dat", "user_taggedartists.dat"};

    private final Path dir;
    private final ShapeRules shapes;

    public HetrecSource(Path dir, ShapeRules shapes) {
        this.dir = dir;
        this.shapes = shapes;
    }

    /** Missing files, by name; empty when the folder looks like the dataset. */
    public static List<String> missingFiles(Path dir) {
        List<String> out = new ArrayList<>();
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return dir.getFileName().toString();
    }

    @Override
    public long size() {
        long total = 0;
        for (String f : FILES) {
            try {
                total += Files.size(dir.resolve(f));
            } catch (IOException ignored) {
                // reported when read
            }
        }
        return total;
    }

    @Override
    public Path rejectsFile() {
        // the dataset folder is usually read-only: rejects go to the working directory
        return Path.of(name() + ".rejects.csv").toAbsolutePath();
    }

    @Override
    public List<String> rejectsHeader() {
        return List.of("file", "fields");
    }

    @Override
    public void read(Consumer<Row> rows) throws IOException {
        Set<String> artists = new HashSet<>();
        lines("artists.dat", StandardCharsets.UTF_8, 4, (row, f) -> {
            String id = ARTIST + integer(row, "id", f[0]);
            artists.add(id);
            Map<String, Object> props = new HashMap<>();
            props.put("name", f[1]);
            putIfPresent(props, "url", f[2]);
            putIfPresent(props, "imageUrl", f[3]);
            Map<String, List<?>> values = new HashMap<>();
            props.forEach((k, v) -> values.put(k, List.of(v)));
            row.check(shapes.rules("Artist"), values);
            row.node(new NodeRecord(List.of("Artist"), id, props));
        }, rows);
        // the release's tags.dat is ISO-8859-1 (its readme.txt says so)
        lines("tags.dat", StandardCharsets.ISO_8859_1, 2, (row, f) ->
                row.node(new NodeRecord(List.of("Tag"), TAG + integer(row, "tagID", f[0]), Map.of("name", f[1]))), rows);
        emitUsers(rows);
        lines("user_artists.dat", StandardCharsets.UTF_8, 3, (row, f) -> {
            long plays = integer(row, "weight", f[2]);
            if (plays < 0) {
                row.error("weight", "a play count cannot be negative");
            }
            row.edge(new EdgeRecord("LISTENED", "User", USER + integer(row, "userID", f[0]), "Artist",
                    ARTIST + integer(row, "artistID", f[1]), Map.of("plays", plays), "userID", "artistID"));
        }, rows);
        lines("user_friends.dat", StandardCharsets.UTF_8, 2, (row, f) ->
                row.edge(new EdgeRecord("FOLLOWS", "User", USER + integer(row, "userID", f[0]), "User",
                        USER + integer(row, "friendID", f[1]), Map.of(), "userID", "friendID")), rows);
        Map<String, Map<String, Long>> tagCounts = new HashMap<>();
        long[] unknownArtist = new long[1];
        Set<String> unknownArtists = new TreeSet<>();
        lines("user_taggedartists.dat", StandardCharsets.UTF_8, 6, (row, f) -> {
            String artist = ARTIST + integer(row, "artistID", f[1]);
            if (!artists.contains(artist)) {
                unknownArtist[0]++;
                unknownArtists.add(artist);
                return;
            }
            String tag = TAG + integer(row, "tagID", f[2]);
            LocalDate day = date(row, f[3], f[4], f[5]);
            row.edge(new EdgeRecord("APPLIED_TAG", "User", USER + integer(row, "userID", f[0]), "Artist", artist,
                    day == null ? Map.of("tag", tag) : Map.of("tag", tag, "at", day), "userID", "artistID"));
            if (row.valid()) {
                tagCounts.computeIfAbsent(artist, k -> new HashMap<>()).merge(tag, 1L, Long::sum);
            }
        }, rows);
        long line = 0;
        for (Map.Entry<String, Map<String, Long>> a : tagCounts.entrySet()) {
            RowBuilder row = new RowBuilder("user_taggedartists.dat (totals)", ++line, List.of(a.getKey()));
            a.getValue().forEach((tag, n) -> row.edge(new EdgeRecord("TAGGED", "Artist", a.getKey(), "Tag", tag,
                    Map.of("weight", n.doubleValue()), "artistID", "tagID")));
            rows.accept(row.build());
        }
        if (unknownArtist[0] > 0) {
            RowBuilder row = new RowBuilder("user_taggedartists.dat", 0, List.of());
            row.warning("artistID", unknownArtist[0] + " tag assignments name " + unknownArtists.size()
                    + " artists that artists.dat does not list; skipped (a known gap of the HetRec release)");
            rows.accept(row.build());
        }
    }

    /** Users have no file of their own: every id seen in the behaviour files is a user. */
    private void emitUsers(Consumer<Row> rows) throws IOException {
        Set<Long> users = new TreeSet<>();
        for (String file : List.of("user_artists.dat", "user_friends.dat", "user_taggedartists.dat")) {
            try (BufferedReader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
                r.readLine();
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    String[] f = l.split("\t");
                    try {
                        users.add(Long.parseLong(f[0].strip()));
                        if (file.equals("user_friends.dat") && f.length > 1) {
                            users.add(Long.parseLong(f[1].strip()));
                        }
                    } catch (NumberFormatException ignored) {
                        // reported with its line when the file itself is read
                    }
                }
            }
        }
        long line = 0;
        for (long u : users) {
            RowBuilder row = new RowBuilder("users (from user_*.dat)", ++line, List.of(Long.toString(u)));
            row.node(new NodeRecord(List.of("User"), USER + u, Map.of()));
            rows.accept(row.build());
        }
    }

    private interface LineMapper {
        void map(RowBuilder row, String[] fields);
    }

    private void lines(String file, Charset charset, int columns, LineMapper mapper, Consumer<Row> rows) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(dir.resolve(file), charset)) {
            r.readLine(); // header
            long line = 1;
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                String[] f = l.split("\t", -1);
                RowBuilder row = new RowBuilder(file, line, List.of(file, l));
                if (f.length != columns) {
                    row.error("", "expected " + columns + " tab-separated fields, found " + f.length);
                } else {
                    mapper.map(row, f);
                }
                Row built = row.build();
                if (!built.nodes().isEmpty() || !built.edges().isEmpty() || !built.problems().isEmpty()) {
                    rows.accept(built);
                }
            }
        }
    }

    private static long integer(RowBuilder row, String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            row.error(field, "expected an integer, got \"" + text + "\"");
            return -1;
        }
    }

    private static LocalDate date(RowBuilder row, String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            row.error("day/month/year", "not a date: " + day + "/" + month + "/" + year);
            return null;
        }
    }

    private static void putIfPresent(Map<String, Object> props, String key, String value) {
        if (value != null && !value.isBlank()) {
            props.put(key, value.strip());
        }
    }
}
