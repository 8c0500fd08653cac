package io.melograph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic catalog in the import CSV formats, for import benchmarks: entity files plus one triples file per
 * relationship type. Popularity is skewed (a few artists, tags and genres are hubs), as in real catalogs.
 * Seeded: the same arguments give the same bytes. Labelled synthetic: ids start with "gen:".
 */
public final class CatalogGenerator {
    private final int songs;
    private final long seed;

    public CatalogGenerator(int songs, long seed) {
        this.songs = songs;
        this.seed = seed;
    }

    /** Writes the files into {@code dir} and returns the number of rows written per file. */
    public Map<String, Long> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(seed);
        int artists = Math.max(10, songs / 20);
        int albums = Math.max(10, songs / 10);
        int persons = Math.max(10, songs / 10);
        int genres = 60;
        int tags = 2_000;
        String[] languages = {"en", "es", "pt", "fr", "de", "it", "ja", "ko", "zh", "sv", "nl", "pl", "tr", "ru", "ar", "hi"};
        Map<String, Long> rows = new LinkedHashMap<>();

        rows.put("genres.csv", entities(dir.resolve("genres.csv"), "id,name", genres, i -> "gen:genre:" + i + ",Genre " + i));
        rows.put("tags.csv", entities(dir.resolve("tags.csv"), "id,name", tags, i -> "gen:tag:" + i + ",tag " + i));
        rows.put("languages.csv", entities(dir.resolve("languages.csv"), "id,name", languages.length,
                i -> languages[i] + ",Language " + languages[i]));
        rows.put("persons.csv", entities(dir.resolve("persons.csv"), "id,name", persons, i -> "gen:person:" + i + ",Person " + i));
        rows.put("artists.csv", entities(dir.resolve("artists.csv"), "id,name,country", artists,
                i -> "gen:artist:" + i + ",Artist " + i + "," + (i % 3 == 0 ? "GB" : i % 3 == 1 ? "US" : "BR")));
        rows.put("albums.csv", entities(dir.resolve("albums.csv"), "id,name,releaseDate", albums,
                i -> "gen:album:" + i + ",Album " + i + "," + LocalDate.of(1960, 1, 1).plusDays(i % 23_000)));
        rows.put("songs.csv", entities(dir.resolve("songs.csv"), "id,name,durationSec,releaseDate", songs,
                i -> "gen:song:" + i + ",Song " + i + "," + (120 + i % 300) + "," + LocalDate.of(1960, 1, 1).plusDays(i % 23_000)));

        try (Triples performedBy = new Triples(dir, "PERFORMED_BY", "Song", "Artist");
             Triples onAlbum = new Triples(dir, "ON_ALBUM", "Song", "Album");
             Triples writtenBy = new Triples(dir, "WRITTEN_BY", "Song", "Person");
             Triples producedBy = new Triples(dir, "PRODUCED_BY", "Song", "Person");
             Triples songGenre = new Triples(dir, "HAS_GENRE", "Song", "Genre", "song_has_genre");
             Triples songTag = new Triples(dir, "TAGGED", "Song", "Tag", "song_tagged");
             Triples inLanguage = new Triples(dir, "IN_LANGUAGE", "Song", "Language");
             Triples by = new Triples(dir, "BY", "Album", "Artist");
             Triples artistGenre = new Triples(dir, "HAS_GENRE", "Artist", "Genre", "artist_has_genre");
             Triples memberOf = new Triples(dir, "MEMBER_OF", "Artist", "Artist")) {
            for (int a = 0; a < albums; a++) {
                by.add("gen:album:" + a, "gen:artist:" + skewed(rnd, artists));
            }
            for (int a = 0; a < artists; a++) {
                artistGenre.add("gen:artist:" + a, "gen:genre:" + skewed(rnd, genres));
                if (a % 10 == 0 && a > 0) {
                    memberOf.add("gen:artist:" + a, "gen:artist:" + rnd.nextInt(a));
                }
            }
            for (int s = 0; s < songs; s++) {
                String song = "gen:song:" + s;
                int album = skewed(rnd, albums);
                onAlbum.add(song, "gen:album:" + album);
                performedBy.add(song, "gen:artist:" + skewed(rnd, artists));
                int writers = 1 + rnd.nextInt(3);
                for (int w = 0; w < writers; w++) {
                    writtenBy.add(song, "gen:person:" + ((album * 7 + w * 13 + rnd.nextInt(5)) % persons));
                }
                producedBy.add(song, "gen:person:" + ((album * 3 + 1) % persons));
                songGenre.add(song, "gen:genre:" + skewed(rnd, genres));
                if (rnd.nextInt(2) == 0) {
                    songGenre.add(song, "gen:genre:" + skewed(rnd, genres));
                }
                int tagCount = 2 + rnd.nextInt(4);
                for (int t = 0; t < tagCount; t++) {
                    songTag.add(song, "gen:tag:" + skewed(rnd, tags));
                }
                inLanguage.add(song, languages[skewed(rnd, languages.length)]);
            }
            for (Triples t : new Triples[] {performedBy, onAlbum, writtenBy, producedBy, songGenre, songTag, inLanguage, by,
                    artistGenre, memberOf}) {
                rows.put(t.file.getFileName().toString(), t.rows);
            }
        }
        return rows;
    }

    /** Index in [0, n) with a heavy head: about a third of draws hit the first 1% of items. */
    static int skewed(SplittableRandom rnd, int n) {
        double u = rnd.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(u, 3)));
    }

    private interface Row {
        String of(int i);
    }

    private static long entities(Path file, String header, int n, Row row) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header);
            w.write('\n');
            for (int i = 0; i < n; i++) {
                w.write(row.of(i));
                w.write('\n');
            }
        }
        return n;
    }

    /** triples-<type>.csv for one relationship type between two labels, duplicates dropped as they come. */
    private static final class Triples implements AutoCloseable {
        final Path file;
        private final BufferedWriter out;
        private final String suffix;
        private String lastHead = "";
        private final java.util.Set<String> tailsOfHead = new java.util.HashSet<>();
        long rows;

        Triples(Path dir, String type, String head, String tail) throws IOException {
            this(dir, type, head, tail, type.toLowerCase());
        }

        Triples(Path dir, String type, String head, String tail, String name) throws IOException {
            this.file = dir.resolve("triples-" + name.replace('_', '-') + ".csv");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.suffix = "," + type + ",";
            out.write("head,relation,tail,head_label,tail_label\n");
            this.labels = "," + head + "," + tail + "\n";
        }

        private final String labels;

        void add(String head, String tail) throws IOException {
            if (!head.equals(lastHead)) {
                lastHead = head;
                tailsOfHead.clear();
            }
            if (!tailsOfHead.add(tail)) {
                return;
            }
            out.write(head);
            out.write(suffix);
            out.write(tail);
            out.write(labels);
            rows++;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
