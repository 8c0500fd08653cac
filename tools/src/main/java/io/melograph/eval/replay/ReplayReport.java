package io.melograph.eval.replay;

import io.melograph.eval.report.Charts;
import io.melograph.eval.report.ReportWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The replay's report: the evaluation report (JSON, Markdown, plots) and a section on which channels brought the hits. */
public final class ReplayReport {
    private ReplayReport() {}

    public static List<Path> write(ReplayEvaluation.Outcome outcome, Path dir, String command) throws IOException {
        List<Path> files = new ArrayList<>(ReportWriter.write(outcome.report(), dir, command));
        StringBuilder md = new StringBuilder("## Hits by channel\n\nEach channel's share of the hits in the top 50 "
                + "(a played song several channels found is shared among them; `familiar`: Daily's songs from the listener's "
                + "rotation; `popular`: the popularity fallback).\n\n| channel |");
        Map<String, Map<String, Double>> shares = outcome.hitsByChannel();
        TreeSet<String> channels = new TreeSet<>();
        shares.values().forEach(m -> channels.addAll(m.keySet()));
        shares.keySet().forEach(scene -> md.append(' ').append(scene).append(" |"));
        md.append("\n|---|");
        shares.keySet().forEach(scene -> md.append("---:|"));
        md.append('\n');
        for (String c : channels) {
            md.append("| ").append(c).append(" |");
            shares.values().forEach(m -> md.append(m.containsKey(c) ? String.format(Locale.ROOT, " %.3f |", m.get(c)) : " |"));
            md.append('\n');
        }
        md.append('\n');
        for (Map.Entry<String, Map<String, Double>> e : shares.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            String png = "replay-hits-by-channel-" + e.getKey() + ".png";
            Charts.bars(dir.resolve(png), "Share of hits by channel — " + e.getKey(), "share of the hits in the top 50", e.getValue());
            md.append("![").append(png).append("](").append(png).append(")\n\n");
            files.addAll(Charts.files(dir.resolve(png)));
        }
        Files.writeString(dir.resolve(ReplayEvaluation.NAME + ".md"), md, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return files;
    }
}
