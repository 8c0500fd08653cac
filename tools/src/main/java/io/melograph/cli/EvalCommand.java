package io.melograph.cli;

import io.melograph.eval.Dataset;
import io.melograph.eval.DatasetLoader;
import io.melograph.eval.EvalReport;
import io.melograph.eval.KgCtrProtocol;
import io.melograph.eval.ModelResult;
import io.melograph.eval.Models;
import io.melograph.eval.SequenceProtocol;
import io.melograph.eval.TopKProtocol;
import io.melograph.eval.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = {EvalReplayCommand.class, FmAdaptationCommand.class, FmReplayCommand.class},
        description = {"Evaluates models offline, from files, under one protocol; no service or graph needed.",
                "  kg-ctr    positives + one sampled negative each, split 6:2:2; AUC and F1 (the KGCN/RippleNet protocol)",
                "  topk      per-user 20%% hold-out, full ranking; HitRate/Recall/NDCG@10,50, coverage, long-tail share,",
                "            scoring time per user (ms/user)",
                "  sequence  leave-last-session-out on timestamped events; next-item HitRate/NDCG; with actions,",
                "            AUC/GAUC/logloss per behaviour (click, complete, like) for behaviour rankers",
                "Interactions CSV: user,item[,weight][,ts] (header optional; a header may add an action column);",
                "triples CSV: head,relation,tail. Same seed, same split, same numbers."})
final class EvalCommand implements Callable<Integer> {

    // optional for picocli only, so that the fm-adaptation subcommand can run without it
    @Parameters(index = "0", arity = "0..1", paramLabel = "PROTOCOL", description = "kg-ctr, topk or sequence")
    String protocol;

    @Option(names = "--dataset", arity = "2", paramLabel = "NAME DIR",
            description = "A known dataset: lastfm-hetrec DIR (user-artist plays; tags and friends as the side graph; "
                    + "for sequence, the dated tag assignments).")
    List<String> dataset;

    @Option(names = "--interactions", paramLabel = "FILE", description = "Interactions CSV.")
    Path interactions;

    @Option(names = "--triples", paramLabel = "FILE", description = "Knowledge-graph triples CSV.")
    Path triples;

    @Option(names = "--items-from-triples", description = "Keep only items that appear in the triples, as the KG papers do.")
    boolean itemsFromTriples;

    @Option(names = "--tags-from-others", description = "lastfm-hetrec: build the tag graph only from tags put on artists "
            + "by users who did not play them (closes the path from a listener's own tags to their held-out plays).")
    boolean tagsFromOthers;

    @Option(names = "--models", split = ",", paramLabel = "a,b", description = "Models to compare (default: all registered).")
    List<String> models;

    @Option(names = "--sampled-impressions", description = {"sequence, data without actions (lastfm-hetrec): rank the click head on",
            "impressions made from the interactions, each beside a popularity-sampled item the user never had (as DIN/DIEN on Amazon)."})
    boolean sampledImpressions;

    @Option(names = "--rankers", split = ",", paramLabel = "a,b", description = "Behaviour rankers for the sequence protocol (default: all).")
    List<String> rankers;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of splits, sampling and models (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write <protocol>.json, <protocol>.md and PNG plots here.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The registered models and rankers, under {@code eval --help} (the registry is filled at run time). */
    static void listModels(CommandLine eval) {
        eval.getCommandSpec().usageMessage().footer(
                "Models (--models): " + String.join(", ", Models.names()),
                "Behaviour rankers (--rankers): " + String.join(", ", Models.rankerNames()));
    }

    @Override
    public Integer call() throws IOException {
        if (protocol == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PROTOCOL'");
        }
        Dataset d = load();
        List<String> chosen = models == null ? Models.names() : models;
        chosen.forEach(Models::create);
        EvalReport report = switch (protocol) {
            case KgCtrProtocol.NAME -> KgCtrProtocol.run(d, chosen, seed);
            case TopKProtocol.NAME -> TopKProtocol.run(d, chosen, seed);
            case SequenceProtocol.NAME -> SequenceProtocol.run(d, chosen, rankers == null ? Models.rankerNames() : rankers,
                    sampledImpressions, seed);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown protocol '" + protocol + "': kg-ctr, topk or sequence");
        };
        print(report);
        if (out != null) {
            String command = Main.typed(spec);
            ReportWriter.write(report, out, command).forEach(p -> System.out.println("wrote " + p));
        }
        return 0;
    }

    private Dataset load() throws IOException {
        if ((dataset == null) == (interactions == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --dataset NAME DIR or --interactions FILE");
        }
        Dataset d;
        if (dataset != null) {
            if (!dataset.get(0).equals("lastfm-hetrec")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown dataset '" + dataset.get(0) + "': lastfm-hetrec");
            }
            d = DatasetLoader.hetrec(Path.of(dataset.get(1)), protocol.equals(SequenceProtocol.NAME), tagsFromOthers);
        } else {
            if (tagsFromOthers) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--tags-from-others needs --dataset lastfm-hetrec");
            }
            d = DatasetLoader.csv(interactions, triples);
        }
        return itemsFromTriples ? DatasetLoader.restrictToGraphItems(d) : d;
    }

    private static void print(EvalReport r) {
        System.out.printf(Locale.ROOT, "%s on %s (seed %d, %.1f s)%n", r.protocol(), r.dataset(), r.seed(), r.seconds());
        System.out.println("  " + r.sizes());
        for (ModelResult m : r.results()) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-24s", m.model()));
            m.metrics().forEach((k, v) -> {
                if (!k.equals("users")) {
                    sb.append(String.format(Locale.ROOT, " %s=%.4f", k, v));
                }
            });
            sb.append(String.format(Locale.ROOT, "  (%.1f s) %s", m.seconds(), new java.util.TreeMap<>(m.params())));
            System.out.println(sb);
        }
    }
}
