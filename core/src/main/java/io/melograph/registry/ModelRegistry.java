package io.melograph.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.melograph.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Versioned trained models under {@code MELOGRAPH_HOME/models/<kind>/}: each version in {@code <version>/} with its
 * files and {@code card.json} ({@link ModelCard}); the promoted one named in {@code CURRENT}; every promotion and
 * rollback appended to {@code promotions.jsonl}. Versions are never changed once stored (a note may be added), so a
 * rollback brings back exactly what ran before. Writes are atomic (temp file + rename); a reader (the service) sees
 * either the old or the new {@code CURRENT}.
 */
public final class ModelRegistry {
    public static final String CARD = "card.json";
    static final String CURRENT = "CURRENT";
    static final String PROMOTIONS = "promotions.jsonl";
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One promotion or rollback. */
    public record Promotion(String at, String kind, String version, String action, String reason) {}

    private final Path root;

    public ModelRegistry(Path home) {
        this.root = home.resolve("models");
    }

    /** A fresh digest for a card's data hash (SHA-256), the same for every kind. */
    public static MessageDigest dataHash() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir(String kind, String version) {
        return root.resolve(kind).resolve(version);
    }

    /** A new, empty version folder of {@code kind} for the trainer to fill; {@link #store} makes it a version. */
    public String newVersion(String kind, Instant now) throws IOException {
        String v = VERSION.format(now);
        while (Files.exists(dir(kind, v))) {
            now = now.plusMillis(1);
            v = VERSION.format(now);
        }
        Files.createDirectories(dir(kind, v));
        return v;
    }

    /** Writes the version's card: from now on it is listed. */
    public void store(ModelCard card) {
        writeAtomically(dir(card.kind(), card.version()).resolve(CARD), json(card));
    }

    /** Every stored version of the kind, oldest first. */
    public List<ModelCard> list(String kind) {
        Path k = root.resolve(kind);
        if (!Files.isDirectory(k)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(k)) {
            List<ModelCard> out = new ArrayList<>();
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve(CARD))).toList()) {
                out.add(JSON.readValue(d.resolve(CARD).toFile(), ModelCard.class));
            }
            out.sort(Comparator.comparing(ModelCard::version));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the models in " + k, e);
        }
    }

    public Optional<ModelCard> card(String kind, String version) {
        return list(kind).stream().filter(c -> c.version().equals(version)).findFirst();
    }

    /** The promoted version of the kind, if any. */
    public Optional<String> current(String kind) {
        Path f = root.resolve(kind).resolve(CURRENT);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f).strip()).filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** Makes {@code version} the kind's current one. */
    public Promotion promote(String kind, String version, String reason) {
        if (card(kind, version).isEmpty()) {
            throw new IllegalArgumentException("no " + kind + " model version '" + version + "'; versions: "
                    + list(kind).stream().map(ModelCard::version).toList());
        }
        return record(kind, version, "promote", reason);
    }

    /** The version a {@link #rollback} would go back to, if any. */
    public Optional<String> previous(String kind) {
        List<String> chain = chain(kind);
        return chain.size() < 2 ? Optional.empty() : Optional.of(chain.get(chain.size() - 2));
    }

    /** Goes back to the version that was current before the current one; empty when there is none. */
    public Optional<Promotion> rollback(String kind, String reason) {
        return previous(kind).map(v -> record(kind, v, "rollback", reason));
    }

    /** The promotions and rollbacks of the kind, oldest first. */
    public List<Promotion> history(String kind) {
        Path f = root.resolve(kind).resolve(PROMOTIONS);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            List<Promotion> out = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, Promotion.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /**
     * The versions that have been current, in order, with rollbacks undone: promoting a, b, c then rolling back gives
     * [a, b]; rolling back again gives [a].
     */
    List<String> chain(String kind) {
        List<String> chain = new ArrayList<>();
        for (Promotion p : history(kind)) {
            if (p.action().equals("rollback")) {
                while (!chain.isEmpty() && !chain.get(chain.size() - 1).equals(p.version())) {
                    chain.remove(chain.size() - 1);
                }
            } else {
                chain.add(p.version());
            }
        }
        return chain;
    }

    private synchronized Promotion record(String kind, String version, String action, String reason) {
        Promotion p = new Promotion(Instant.now().toString(), kind, version, action, reason);
        Path k = root.resolve(kind);
        try {
            Files.createDirectories(k);
            Files.writeString(k.resolve(PROMOTIONS), JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(p) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + k.resolve(PROMOTIONS), e);
        }
        writeAtomically(k.resolve(CURRENT), version + "\n");
        return p;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
