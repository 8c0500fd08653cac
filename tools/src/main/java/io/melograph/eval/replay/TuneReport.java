package io.melograph.eval.replay;

import io.melograph.eval.report.Charts;
import io.melograph.eval.report.ReportWriter;
import io.melograph.rank.Head;

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

/** The tuner's report: the test window's rows (ReportWriter), then per scene the values chosen against the hand-set ones and the search. */
public final class TuneReport {
    private TuneReport() {}

    public static List<Path> write(SceneTuner.Outcome o, Path dir, String command) throws IOException {
        List<Path> files = new ArrayList<>(ReportWriter.write(o.report(), dir, command));
        StringBuilder md = new StringBuilder();
        for (SceneTuner.Tuned t : o.scenes()) {
            files.addAll(Charts.files(scene(t, o.objective(), dir, md)));
        }
        Files.writeString(dir.resolve(SceneTuner.NAME + ".md"), md, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return files;
    }

    /** One scene's section: chosen against hand-set values, the changes kept, the search curve (returned). */
    private static Path scene(SceneTuner.Tuned t, TuneObjective objective, Path dir, StringBuilder md) throws IOException {
        md.append(String.format(Locale.ROOT, "## %s: chosen vs hand-set\n\n%s — validation: %.4f → %.4f; "
                        + "**test: %.4f → %.4f (%+.1f%%)**.\n\n| setting | hand-set | chosen |\n|---|---:|---:|\n", t.scene(),
                objective.words, t.validationHandSet(), t.validationChosen(), t.testHandSet(), t.testChosen(), 100 * t.testGain()));
        if (t.handSet().hasFamiliarShare()) {
            row(md, "familiar share", num(t.handSet().familiarShare()), num(t.chosen().familiarShare()));
        }
        for (Head h : Head.values()) {
            row(md, h.wire() + " head weight", num(t.handSet().heads().weight(h)), num(t.chosen().heads().weight(h)));
        }
        TreeSet<String> channels = new TreeSet<>(t.handSet().weights().keySet());
        channels.addAll(t.chosen().weights().keySet());
        for (String c : channels) {
            row(md, c + " weight", num(t.handSet().weights().get(c)), num(t.chosen().weights().get(c)));
        }
        for (String c : channels) {
            Integer h = t.handSet().quotas().get(c);
            Integer q = t.chosen().quotas().get(c);
            if (h != null || q != null) {
                row(md, c + " quota", h == null ? "none" : h.toString(), q == null ? "none" : q.toString());
            }
        }
        md.append(String.format(Locale.ROOT, "\n### %s: search (validation window)\n\n%d values tried; the changes kept, in order:\n\n"
                + "| try | change | validation %s |\n|---:|---|---:|\n", t.scene(), t.trials().size(), objective.label));
        double[][] curve = new double[t.trials().size()][];
        double best = Double.NEGATIVE_INFINITY;
        for (SceneTuner.Trial trial : t.trials()) {
            if (trial.kept()) {
                md.append(String.format(Locale.ROOT, "| %d | %s | %.4f |%n", trial.number(), trial.change(), trial.score()));
                best = trial.score();
            }
            curve[trial.number()] = new double[] {trial.number(), best}; // a try not kept scored no higher than the best so far
        }
        String png = "tune-search-" + t.scene() + ".png";
        Charts.lines(dir.resolve(png), t.scene() + ": best validation " + objective.label + " as the search goes", "values tried", objective.label,
                Map.of("best so far", curve));
        md.append("\n![").append(png).append("](").append(png).append(")\n\n");
        return dir.resolve(png);
    }

    private static void row(StringBuilder md, String setting, String hand, String chosen) {
        md.append("| ").append(setting).append(" | ").append(hand).append(" | ").append(hand.equals(chosen) ? chosen : "**" + chosen + "**")
                .append(" |\n");
    }

    private static String num(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.3g", v);
    }
}
