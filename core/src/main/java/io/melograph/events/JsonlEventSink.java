package io.melograph.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes events as JSON lines (the POST /events format, one event a line), e.g. for a simulation kept as a file. */
public final class JsonlEventSink implements EventSink {
    private final Path file;
    private final BufferedWriter out;

    public JsonlEventSink(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public Sent send(List<Event> events) throws IOException {
        for (Event e : events) {
            out.write(EventJson.write(e));
            out.write('\n');
        }
        return new Sent(events.size(), 0);
    }

    @Override
    public String target() {
        return file.toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
