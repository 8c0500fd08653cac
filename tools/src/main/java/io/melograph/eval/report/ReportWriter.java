package io.melograph.eval.report;

import io.melograph.eval.EvalReport;
import io.melograph.eval.ModelResult;
import io.melograph.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a report as {@code <protocol>.json} (machine-readable), {@code <protocol>.md} (tables, published anchors,
 * a short reading) and plots next to them (PNG, embedded in the Markdown, and the same as SVG).
 */
public final class ReportWriter {
    /** Above this many metrics the table lists metrics as rows. */
    private static final int WIDE = 12;

    private ReportWriter() {}

    /** @param command the command line that reproduces the report */
    public static List<Path> write(EvalReport r, Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        String base = r.protocol();
        List<Path> files = new ArrayList<>();
        Path json = dir.resolve(base + ".json");
        Files.writeString(json, Json.write(toMap(r, command)) + "\n", StandardCharsets.UTF_8);
        files.add(json);
        List<String> plots = plots(r, dir, base);
        plots.forEach(p -> files.addAll(Charts.files(dir.resolve(p))));
        Path md = dir.resolve(base + ".md");
        Files.writeString(md, markdown(r, command, plots), StandardCharsets.UTF_8);
        files.add(md);
        return files;
    }

    private static Map<String, Object> toMap(EvalReport r, String command) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protocol", r.protocol());
        out.put("command", command);
        out.put("dataset", r.dataset());
        out.put("sha256", r.checksum());
        out.put("sizes", r.sizes());
        out.put("split", r.split());
        out.put("seed", r.seed());
        out.put("seconds", round(r.seconds()));
        List<Object> models = new ArrayList<>();
        for (ModelResult m : r.results()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("model", m.model());
            mm.put("params", new TreeMap<>(m.params()));
            Map<String, Object> metrics = new LinkedHashMap<>();
            m.metrics().forEach((k, v) -> metrics.put(k, round(v)));
            mm.put("metrics", metrics);
            mm.put("seconds", round(m.seconds()));
            if (!m.note().isEmpty()) {
                mm.put("note", m.note());
            }
            models.add(mm);
        }
        out.put("results", models);
        Map<String, Object> anchors = new LinkedHashMap<>();
        r.anchors().forEach((k, v) -> anchors.put(k, new TreeMap<>(v)));
        out.put("published", anchors);
        out.put("notes", r.notes());
        return out;
    }

    private static Object round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return Math.round(v * 1e6) / 1e6;
    }

    private static List<String> plots(EvalReport r, Path dir, String base) {
        List<String> names = new ArrayList<>();
        Map<String, double[][]> curves = new LinkedHashMap<>();
        Map<String, double[]> perUser = new LinkedHashMap<>();
        Map<String, Double> longTail = new LinkedHashMap<>();
        Map<String, Double> auc = new LinkedHashMap<>();
        for (ModelResult m : r.results()) {
            if (m.curves().containsKey("hitrate@k")) {
                curves.put(m.model(), m.curves().get("hitrate@k"));
            }
            if (m.perUser().containsKey("ndcg@10")) {
                perUser.put(m.model(), m.perUser().get("ndcg@10"));
            }
            if (m.metrics().containsKey("longtail@50")) {
                longTail.put(m.model(), m.metrics().get("longtail@50"));
            }
            if (m.metrics().containsKey("auc")) {
                auc.put(m.model(), m.metrics().get("auc"));
            }
        }
        if (!curves.isEmpty()) {
            names.add(base + "-hitrate-at-k.png");
            Charts.lines(dir.resolve(names.get(names.size() - 1)), "HitRate@K — " + r.protocol() + ", " + r.dataset(),
                    "K", "HitRate@K", curves);
        }
        if (!perUser.isEmpty()) {
            names.add(base + "-ndcg10-per-user.png");
            Charts.histogram(dir.resolve(names.get(names.size() - 1)), "NDCG@10 per user — " + r.protocol(), "NDCG@10",
                    perUser, 20);
        }
        if (!longTail.isEmpty()) {
            names.add(base + "-longtail-share.png");
            Charts.bars(dir.resolve(names.get(names.size() - 1)), "Long-tail share of the top 50 — " + r.protocol(),
                    "share of recommended items in the long tail", longTail);
        }
        if (!auc.isEmpty()) {
            Map<String, Double> withAnchors = new LinkedHashMap<>(auc);
            r.anchors().forEach((model, metrics) -> {
                if (metrics.containsKey("auc")) {
                    withAnchors.put(model.replace(" (published)", "*"), metrics.get("auc"));
                }
            });
            names.add(base + "-auc.png");
            Charts.bars(dir.resolve(names.get(names.size() - 1)), "Test AUC — " + r.protocol() + " (* published)", "AUC", withAnchors);
        }
        return names;
    }

    private static String markdown(EvalReport r, String command, List<String> plots) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.protocol()).append(" — ").append(r.dataset()).append("\n\n");
        sb.append("Reproduce: `").append(command).append("`\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| dataset | ").append(r.dataset()).append(" (SHA-256 `").append(r.checksum(), 0, 16).append("…`) |\n");
        r.sizes().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(fmt(v)).append(" |\n"));
        sb.append("| split | ").append(r.split()).append(" |\n");
        sb.append("| seed | ").append(r.seed()).append(" |\n");
        sb.append("| wall time | ").append(String.format(Locale.ROOT, "%.1f s", r.seconds())).append(" |\n\n");

        Set<String> columns = new LinkedHashSet<>();
        r.results().forEach(m -> columns.addAll(m.metrics().keySet()));
        columns.remove("users");
        if (columns.size() > WIDE) {
            transposed(sb, r, columns);
        } else {
            table(sb, r, columns);
        }
        String reading = reading(r);
        if (!reading.isEmpty()) {
            sb.append("**Reading.** ").append(reading).append("\n\n");
        }
        List<String> notes = new ArrayList<>(r.notes());
        r.results().stream().filter(m -> !m.note().isEmpty()).forEach(m -> notes.add(m.model() + ": " + m.note()));
        if (!notes.isEmpty()) {
            sb.append("Notes:\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
            sb.append('\n');
        }
        for (String p : plots) {
            sb.append("![").append(p).append("](").append(p).append(")\n\n");
        }
        return sb.toString();
    }

    /** One row per model, one column per metric. */
    private static void table(StringBuilder sb, EvalReport r, Set<String> columns) {
        sb.append("| model |");
        columns.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append(" settings | seconds |\n|---|");
        columns.forEach(c -> sb.append("---:|"));
        sb.append("---|---:|\n");
        for (ModelResult m : r.results()) {
            sb.append("| ").append(m.model()).append(" |");
            columns.forEach(c -> sb.append(' ').append(m.metrics().containsKey(c) ? fmt(m.metrics().get(c)) : "").append(" |"));
            sb.append(' ').append(m.params().isEmpty() ? "defaults" : new TreeMap<>(m.params()).toString()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", m.seconds())).append(" |\n");
        }
        for (Map.Entry<String, Map<String, Double>> a : r.anchors().entrySet()) {
            sb.append("| *").append(a.getKey()).append("* |");
            columns.forEach(c -> sb.append(' ').append(a.getValue().containsKey(c) ? "*" + fmt(a.getValue().get(c)) + "*" : "").append(" |"));
            sb.append(" published | |\n");
        }
        sb.append('\n');
    }

    /** Many metrics: one row per metric, one column per model, so the table stays readable. */
    private static void transposed(StringBuilder sb, EvalReport r, Set<String> columns) {
        sb.append("| metric |");
        r.results().forEach(m -> sb.append(' ').append(m.model()).append(" |"));
        sb.append("\n|---|");
        r.results().forEach(m -> sb.append("---:|"));
        sb.append('\n');
        for (String c : columns) {
            sb.append("| ").append(c).append(" |");
            r.results().forEach(m -> sb.append(' ').append(m.metrics().containsKey(c) ? fmt(m.metrics().get(c)) : "").append(" |"));
            sb.append('\n');
        }
        sb.append("| settings |");
        r.results().forEach(m -> sb.append(' ').append(m.params().isEmpty() ? "defaults" : new TreeMap<>(m.params()).toString()).append(" |"));
        sb.append("\n| seconds |");
        r.results().forEach(m -> sb.append(String.format(Locale.ROOT, " %.1f |", m.seconds())));
        sb.append("\n\n");
    }

    /** Which model leads on the protocol's main metric, and by how much over the runner-up. */
    static String reading(EvalReport r) {
        if (r.protocol().equals("replay")) {
            return ""; // its rows are scenes answering different questions, not competing models
        }
        String metric = r.results().stream().anyMatch(m -> m.metrics().containsKey("auc")) ? "auc" : "ndcg@10";
        List<ModelResult> ranked = r.results().stream().filter(m -> m.metrics().containsKey(metric)
                        && !Double.isNaN(m.metrics().get(metric)))
                .sorted(Comparator.comparingDouble((ModelResult m) -> m.metrics().get(metric)).reversed()).toList();
        if (ranked.isEmpty()) {
            return "";
        }
        ModelResult best = ranked.get(0);
        double b = best.metrics().get(metric);
        if (ranked.size() == 1) {
            return best.model() + " reaches " + metric + " " + fmt(b) + ".";
        }
        ModelResult second = ranked.get(1);
        double s = second.metrics().get(metric);
        return String.format(Locale.ROOT, "On %s, %s is strongest (%s), %.1f%% above %s (%s).", metric, best.model(), fmt(b),
                100 * (b - s) / Math.abs(s), second.model(), fmt(s));
    }

    private static String fmt(Object v) {
        if (v instanceof Double d) {
            if (Double.isNaN(d)) {
                return "n/a";
            }
            if (d == Math.rint(d) && Math.abs(d) >= 1) {
                return String.format(Locale.ROOT, "%,d", d.longValue());
            }
            return String.format(Locale.ROOT, "%.4f", d);
        }
        if (v instanceof Number n) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        return String.valueOf(v);
    }
}
