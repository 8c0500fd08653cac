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

/** The tuner's report: the test window's rows (ReportWriter), the values chosen against the hand-set ones, the search. */
public final class TuneReport {
    private TuneReport() {}

    public static List<Path> write(SceneTuner.Outcome o, Path dir, String command) throws IOException {
        List<Path> files = new ArrayList<>(ReportWriter.write(o.report(), dir, command));
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Chosen vs hand-set\n\nDaily NDCG@10 of held-out plays — validation: %.4f → %.4f; "
                        + "**test: %.4f → %.4f (%+.1f%%)**.\n\n| setting | hand-set | chosen |\n|---|---:|---:|\n",
                o.validationHandSet(), o.validationChosen(), o.testHandSet(), o.testChosen(),
                100 * (o.testChosen() - o.testHandSet()) / o.testHandSet()));
        row(md, "familiar share", num(o.handSet().familiarShare()), num(o.chosen().familiarShare()));
        TreeSet<String> channels = new TreeSet<>(o.handSet().weights().keySet());
        channels.addAll(o.chosen().weights().keySet());
        for (String c : channels) {
            row(md, c + " weight", num(o.handSet().weights().get(c)), num(o.chosen().weights().get(c)));
        }
        for (String c : channels) {
            Integer h = o.handSet().quotas().get(c);
            Integer t = o.chosen().quotas().get(c);
            if (h != null || t != null) {
                row(md, c + " quota", h == null ? "none" : h.toString(), t == null ? "none" : t.toString());
            }
        }
        md.append(String.format(Locale.ROOT, "\n## Search (validation window)\n\n%d values tried; the changes kept, in order:\n\n"
                + "| try | change | validation NDCG@10 |\n|---:|---|---:|\n", o.trials().size()));
        double[][] curve = new double[o.trials().size()][];
        double best = Double.NEGATIVE_INFINITY;
        for (SceneTuner.Trial t : o.trials()) {
            if (t.kept()) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %.4f |%n", t.number(), t.change(), t.ndcg10()));
                best = t.ndcg10();
            }
            curve[t.number()] = new double[] {t.number(), best}; // a try not kept scored no higher than the best so far
        }
        String png = "tune-search.png";
        Charts.lines(dir.resolve(png), "Daily: best validation NDCG@10 as the search goes", "values tried", "NDCG@10",
                Map.of("best so far", curve));
        md.append("\n![").append(png).append("](").append(png).append(")\n");
        files.add(dir.resolve(png));
        Files.writeString(dir.resolve(SceneTuner.NAME + ".md"), md, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return files;
    }

    private static void row(StringBuilder md, String setting, String hand, String chosen) {
        md.append("| ").append(setting).append(" | ").append(hand).append(" | ").append(hand.equals(chosen) ? chosen : "**" + chosen + "**")
                .append(" |\n");
    }

    private static String num(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.3g", v);
    }
}
