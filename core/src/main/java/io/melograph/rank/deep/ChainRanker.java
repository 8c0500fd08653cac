package io.melograph.rank.deep;

import io.melograph.rank.BehaviourData;
import io.melograph.rank.Exposure;
import io.melograph.rank.Head;
import io.melograph.rank.MultiTaskRanker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One deep ranker for every behaviour of the listening chain, as a model version stores and serves it: a multi-task
 * model ({@code din-esmm}) answers every head from one network; any other model is fitted once per head. Every head
 * shares the listeners and songs of the training window (their indices are the exposures').
 */
public final class ChainRanker implements AutoCloseable {
    private final String name;
    private final Map<Head, DnnRanker> heads;

    private ChainRanker(String name, Map<Head, DnnRanker> heads) {
        this.name = name;
        this.heads = heads;
    }

    /** Fits the model {@code name} ({@link RankerModels}) on each behaviour's exposures (the same listeners and songs throughout). */
    public static ChainRanker fit(String name, DnnRanker.Settings settings, Map<Head, BehaviourData> train, long seed) {
        Map<Head, DnnRanker> heads = new EnumMap<>(Head.class);
        DnnRanker first = RankerModels.create(name, settings);
        if (first instanceof MultiTaskRanker joint) {
            joint.fit(train, seed);
            for (Head h : Head.values()) {
                heads.put(h, first);
            }
        } else {
            for (Head h : Head.values()) {
                DnnRanker model = h == Head.CLICK ? first : RankerModels.create(name, settings);
                model.fit(train.get(h), seed);
                heads.put(h, model);
            }
        }
        return new ChainRanker(name, heads);
    }

    public String name() {
        return name;
    }

    /** The listeners the model knows, by index (index 0 stands for any other). */
    public List<String> userIds() {
        return heads.get(Head.CLICK).vocabulary().userIds();
    }

    /** The songs (and other items) the model knows, by index (index 0 stands for any other). */
    public List<String> itemIds() {
        return heads.get(Head.CLICK).vocabulary().side().itemIds();
    }

    public double[] probabilities(Head head, Exposure[] exposures) {
        DnnRanker model = heads.get(head);
        return model instanceof MultiTaskRanker joint ? joint.probabilities(head, exposures) : model.probabilities(exposures);
    }

    /** Every head's probabilities, {@code [head.ordinal()][exposure]} (a multi-task model in one pass). */
    public double[][] allHeads(Exposure[] exposures) {
        DnnRanker click = heads.get(Head.CLICK);
        if (click instanceof MultiTaskRanker joint) {
            return joint.allHeads(exposures);
        }
        double[][] out = new double[Head.values().length][];
        for (Head h : Head.values()) {
            out[h.ordinal()] = heads.get(h).probabilities(exposures);
        }
        return out;
    }

    /** Makes each head's scoring session now, as a version goes live, so no request waits for it. */
    public void prepare() {
        heads.values().stream().distinct().forEach(DnnRanker::prepare);
    }

    /** Frees each head's scoring sessions once the calls under way have returned; the model scores no more. */
    @Override
    public void close() {
        heads.values().stream().distinct().forEach(DnnRanker::close);
    }

    /** What each fit chose, for a card's note. */
    public String note() {
        DnnRanker click = heads.get(Head.CLICK);
        if (click instanceof MultiTaskRanker) {
            return click.note();
        }
        StringBuilder s = new StringBuilder();
        for (Head h : Head.values()) {
            s.append(s.isEmpty() ? "" : "; ").append(h.wire()).append(": ").append(heads.get(h).note());
        }
        return s.toString();
    }

    /** Writes the model into {@code dir}: {@value RankerFile#NAME} for a multi-task model, else one file per head. */
    public void write(Path dir) throws IOException {
        DnnRanker click = heads.get(Head.CLICK);
        if (click instanceof MultiTaskRanker) {
            RankerFile.write(dir.resolve(RankerFile.NAME), click);
            return;
        }
        for (Head h : Head.values()) {
            RankerFile.write(dir.resolve(fileOf(h)), heads.get(h));
        }
    }

    /** Reads what {@link #write} wrote. */
    public static ChainRanker read(Path dir) throws IOException {
        Map<Head, DnnRanker> heads = new EnumMap<>(Head.class);
        if (Files.exists(dir.resolve(RankerFile.NAME))) {
            DnnRanker joint = RankerFile.read(dir.resolve(RankerFile.NAME));
            for (Head h : Head.values()) {
                heads.put(h, joint);
            }
        } else {
            for (Head h : Head.values()) {
                heads.put(h, RankerFile.read(dir.resolve(fileOf(h))));
            }
        }
        return new ChainRanker(RankerModels.nameOf(heads.get(Head.CLICK)).orElseThrow(), heads);
    }

    private static String fileOf(Head h) {
        return h.wire().toLowerCase(Locale.ROOT) + "-" + RankerFile.NAME;
    }
}
