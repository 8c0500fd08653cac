package io.melograph.ingest.listens;

import io.melograph.ingest.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What a parser made of a fixture: its listens and its problems, as {@code file:line: field: message} strings. */
final class Parsed {
    final List<Listen> listens = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    static Parsed of(ListenFormat format, Path dir, String fileName, String content, String user) throws IOException {
        return of(format, write(dir, fileName, content.getBytes(StandardCharsets.UTF_8)), user);
    }

    static Parsed of(ListenFormat format, Path file, String user) throws IOException {
        Parsed p = new Parsed();
        ListenParser.of(format).parse(file, user, p.listens::add, p.problems::add);
        return p;
    }

    static Path write(Path dir, String fileName, byte[] content) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, content);
        return file;
    }

    List<String> errors() {
        return problems.stream().filter(p -> !p.warning()).map(Problem::toString).collect(Collectors.toList());
    }

    List<String> warnings() {
        return problems.stream().filter(Problem::warning).map(Problem::toString).collect(Collectors.toList());
    }

    Listen at(long line) {
        return listens.stream().filter(l -> l.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no listen from line " + line + " in " + listens + " / " + problems));
    }
}
