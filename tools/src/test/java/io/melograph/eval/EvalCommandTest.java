package io.melograph.eval;

import io.melograph.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eval command on plain CSV files, as a user runs it. */
class EvalCommandTest {

    /**
     * 40 users in two tastes over 60 items, three sessions each, with the listening chain: impression, then click and
     * play for items of the user's taste, then complete (or skip) and sometimes like.
     */
    static void writeEvents(Path interactions, Path triples) throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("user,item,weight,ts,action\n");
        for (int u = 0; u < 40; u++) {
            int taste = u % 2;
            long t = 1_700_000_000L + u * 10_000L;
            for (int session = 0; session < 3; session++) {
                t += 86_400;
                for (int e = 0; e < 6; e++) {
                    int item = taste * 30 + rnd.nextInt(rnd.nextInt(4) == 0 ? 30 : 10);
                    boolean fits = rnd.nextInt(5) > 0;
                    if (!fits) {
                        item = (1 - taste) * 30 + rnd.nextInt(30);
                    }
                    t += 60;
                    sb.append("u").append(u).append(",s").append(item).append(",1,").append(t).append(",impression\n");
                    if (fits && rnd.nextInt(4) > 0) {
                        sb.append("u").append(u).append(",s").append(item).append(",1,").append(t + 5).append(",click\n");
                        sb.append("u").append(u).append(",s").append(item).append(",1,").append(t + 6).append(",play\n");
                        boolean complete = item % 3 != 0 || rnd.nextBoolean();
                        sb.append("u").append(u).append(",s").append(item).append(",1,").append(t + 200)
                                .append(complete ? ",complete\n" : ",skip\n");
                        if (complete && item % 5 == 0) {
                            sb.append("u").append(u).append(",s").append(item).append(",1,").append(t + 201).append(",like\n");
                        }
                    }
                }
            }
        }
        Files.writeString(interactions, sb);
        StringBuilder tr = new StringBuilder("head,relation,tail\n");
        for (int i = 0; i < 60; i++) {
            tr.append("s").append(i).append(",genre,g").append(i / 30).append('\n');
        }
        Files.writeString(triples, tr);
    }

    @Test
    void everyProtocolRunsFromCsvAndWritesItsReportDeterministically(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.csv");
        Path graph = dir.resolve("triples.csv");
        writeEvents(events, graph);
        for (String protocol : new String[] {"kg-ctr", "topk", "sequence"}) {
            for (String run : new String[] {"a", "b"}) {
                assertEquals(0, Main.run("eval", protocol, "--interactions", events.toString(), "--triples", graph.toString(),
                        "--models", "popularity,itemknn", "--seed", "3", "--out", dir.resolve(run).toString()), protocol);
            }
            String a = withoutTimes(Files.readString(dir.resolve("a/" + protocol + ".json")));
            String b = withoutTimes(Files.readString(dir.resolve("b/" + protocol + ".json")));
            assertEquals(a, b, protocol + ": the same seed gives the same numbers");
            assertTrue(Files.readString(dir.resolve("a/" + protocol + ".md")).contains("| itemknn |"));
            assertTrue(a.contains("\"sha256\""));
        }
        String ctr = Files.readString(dir.resolve("a/kg-ctr.json"));
        assertTrue(ctr.contains("\"auc\"") && ctr.contains("\"f1\"") && ctr.contains("KGCN (published)"), ctr);
        assertTrue(Files.exists(dir.resolve("a/topk-hitrate-at-k.png")));
        assertTrue(Files.exists(dir.resolve("a/kg-ctr-auc.png")));
        String seq = Files.readString(dir.resolve("a/sequence.json"));
        for (String metric : new String[] {"click auc", "click gauc", "complete logloss", "like auc"}) {
            assertTrue(seq.contains("\"" + metric + "\""), metric + " in " + seq);
        }
        String topk = Files.readString(dir.resolve("a/topk.json"));
        assertTrue(number(topk, "itemknn", "ndcg@10") > number(topk, "popularity", "ndcg@10"),
                "item-kNN finds the taste structure popularity cannot");
    }

    @Test
    void graphScorersAndBlendsRunFromCsvTriples(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.csv");
        Path graph = dir.resolve("triples.csv");
        writeEvents(events, graph);
        assertEquals(0, Main.run("eval", "topk", "--interactions", events.toString(), "--triples", graph.toString(),
                "--models", "popularity,kg-tags,kg-social,pop-knn-blend,kg-fused,kg-fused-lr", "--seed", "3",
                "--out", dir.toString()));
        String topk = Files.readString(dir.resolve("topk.json"));
        assertTrue(number(topk, "kg-tags", "ndcg@10") > number(topk, "popularity", "ndcg@10"),
                "the genre of a user's items points at the rest of their taste");
        assertTrue(topk.contains("0 of 40 users have friends"), "the social channel says it had nothing to go on");
        assertTrue(number(topk, "kg-fused", "ms/user") >= 0);
        assertTrue(number(topk, "kg-fused", "p99 ms/user") > 0, "the slowest user's scoring time is measured");
    }

    @Test
    void unknownModelsAndProtocolsAreUsageErrors(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.csv");
        writeEvents(events, dir.resolve("t.csv"));
        assertEquals(1, Main.run("eval", "topk", "--interactions", events.toString(), "--models", "nope"));
        assertEquals(2, Main.run("eval", "precision", "--interactions", events.toString()));
        assertEquals(2, Main.run("eval", "topk"));
    }

    private static String withoutTimes(String json) {
        return json.replaceAll("\"(seconds|ms/user|p99 ms/user)\": [0-9.E-]+", "").replaceAll("\"command\": \"[^\"]*\"", "");
    }

    private static double number(String json, String model, String metric) {
        int at = json.indexOf("\"model\": \"" + model + "\"");
        int m = json.indexOf("\"" + metric + "\": ", at);
        String rest = json.substring(m + metric.length() + 4);
        return Double.parseDouble(rest.substring(0, rest.indexOf(rest.contains(",") ? "," : "\n")).strip());
    }
}
