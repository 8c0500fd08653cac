package io.melograph.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** A CSV file of one kind, read as rows; gzip-compressed files are read transparently. */
public final class CsvSource extends FileSource {
    private final CsvKind kind;
    private List<String> header = List.of();

    public CsvSource(Path path, CsvKind kind) {
        super(path);
        this.kind = kind;
    }

    @Override
    public List<String> rejectsHeader() {
        return header;
    }

    @Override
    public void read(Consumer<Row> rows) throws IOException {
        try (CsvReader reader = new CsvReader(open(path))) {
            CsvReader.Record first = reader.next();
            if (first == null) {
                rows.accept(single(1, List.of(), "header", "the file is empty; expected a header line"));
                return;
            }
            if (first.error() != null) {
                rows.accept(single(first.line(), first.fields(), "header", first.error()));
                return;
            }
            header = first.fields();
            CsvKind.RowMapper mapper;
            try {
                mapper = kind.mapper(name(), header);
            } catch (CsvKind.HeaderException e) {
                rows.accept(single(first.line(), header, "header", e.getMessage()));
                return;
            }
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
                if (r.error() != null) {
                    rows.accept(single(r.line(), r.fields(), "", r.error()));
                } else if (r.fields().size() != header.size()) {
                    rows.accept(single(r.line(), r.fields(), "", "expected " + header.size() + " fields like the header, found "
                            + r.fields().size()));
                } else {
                    rows.accept(mapper.map(r.line(), r.fields()));
                }
            }
        }
    }

    private Row single(long line, List<String> raw, String field, String message) {
        RowBuilder row = new RowBuilder(name(), line, raw);
        row.error(field, message);
        return row.build();
    }

    /** Opens a file, decompressing it when it starts with the gzip magic number. */
    static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
