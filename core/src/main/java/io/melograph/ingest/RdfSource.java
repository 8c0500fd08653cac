package io.melograph.ingest;

import io.melograph.ontology.Alignment;
import io.melograph.ontology.Datatype;
import io.melograph.ontology.NodeClass;
import io.melograph.ontology.Ontology;
import io.melograph.ontology.Property;
import io.melograph.ontology.Relation;
import io.melograph.ontology.ShapeRules;
import io.melograph.util.Folders;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An RDF file (Turtle, N-Triples, N3, RDF/XML, JSON-LD; gzip too) read with Apache Jena, rewritten into the
 * Melograph vocabulary by the {@link Alignment}, completed with the ontology's single-class domains and ranges,
 * validated with SHACL ({@code ontology/shapes.ttl}), and turned into one row per typed resource.
 * Triples whose predicate no alignment maps are skipped and counted. Nothing of the file is held on the heap: the
 * parser streams into the alignment, the aligned triples go to a scratch TDB2 store on disk (deleted by
 * {@link #close}), SHACL validates that store, and each {@link #read} streams the rows from it.
 */
public final class RdfSource extends FileSource {
    private final Ontology ontology;
    private final Alignment alignment;
    private final ShapeRules shapes;
    /** Class labels in the ontology's order: a resource's labels are listed in it. */
    private final List<String> classOrder;
    private final Map<String, Long> ignoredPredicates = new TreeMap<>();
    /** Syntax or encoding problems of the file; then there is no store. */
    private List<Row> problems;
    private Path storeDir;
    private DatasetGraph store;
    /** SHACL results by focus node: as many as the file has problems. */
    private Map<Node, List<ReportEntry>> results;

    public RdfSource(Path path, Ontology ontology, Alignment alignment, ShapeRules shapes) {
        super(path);
        this.ontology = ontology;
        this.alignment = alignment;
        this.shapes = shapes;
        this.classOrder = ontology.classes().stream().map(NodeClass::label).toList();
    }

    /** Whether a file name looks like RDF this source can read. */
    public static boolean isRdf(String fileName) {
        return language(fileName) != null;
    }

    private static Lang language(String fileName) {
        String n = fileName.toLowerCase();
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".n3")) {
            return Lang.N3;
        }
        Lang lang = RDFLanguages.filenameToLang(n);
        return lang != null && (RDFLanguages.isTriples(lang) || lang.equals(Lang.JSONLD)) ? lang : null;
    }

    @Override
    public List<String> rejectsHeader() {
        return List.of("resource");
    }

    /** Predicates skipped because no alignment maps them, with their triple counts. */
    public Map<String, Long> ignoredPredicates() {
        return ignoredPredicates;
    }

    @Override
    public void read(Consumer<Row> consumer) throws IOException {
        if (problems == null && store == null) {
            load();
        }
        if (problems != null) {
            problems.forEach(consumer);
            return;
        }
        Txn.executeRead(store, () -> rows(store.getDefaultGraph(), consumer));
    }

    /** Lets go of the scratch store and deletes it. */
    @Override
    public void close() {
        if (store != null) {
            TDBInternal.expel(store);
            store = null;
        }
        if (storeDir != null) {
            try {
                Folders.delete(storeDir);
            } catch (java.io.UncheckedIOException e) {
                // a temporary folder: the system cleans it up eventually
            }
            storeDir = null;
        }
    }

    /**
     * Streams the file through Jena's parser straight into the alignment: only triples the alignment maps are kept
     * (a DBpedia dump is mostly predicates we do not use), in a TDB2 store on disk, never the source graph. SHACL then
     * validates that store, since its checks reach across resources (a song's album must be an Album).
     */
    private void load() throws IOException {
        Lang lang = language(name());
        if (lang == null) {
            problems = List.of(fileProblem(0, "not an RDF file name (.ttl, .nt, .n3, .rdf, .owl, .jsonld, optionally .gz)"));
            return;
        }
        if (!lang.equals(Lang.RDFXML)) {
            // Jena would read Latin-1 Turtle with replacement characters; these formats are UTF-8 by definition
            try (InputStream in = CsvSource.open(path)) {
                long bad = Utf8Check.firstMalformedLine(in);
                if (bad > 0) {
                    problems = List.of(fileProblem(bad, "not valid UTF-8 (" + lang.getLabel() + " files must be UTF-8 encoded)"));
                    return;
                }
            }
        }
        List<Row> syntax = new ArrayList<>();
        storeDir = Files.createTempDirectory("melograph-rdf-");
        // small caches: the store is read through once or twice, and the heap is what it spares
        store = DatabaseMgr.connectDatasetGraph(storeDir.toString(), StoreParams.getSmallStoreParams());
        try (InputStream in = CsvSource.open(path)) {
            Txn.executeWrite(store, () -> {
                Graph aligned = store.getDefaultGraph();
                RDFParser.source(in).lang(lang).base(path.toUri().toString()).errorHandler(new Collect(syntax)).parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple t) {
                        align(t, aligned);
                    }
                });
                if (syntax.isEmpty()) {
                    nameFromIris(aligned);
                }
            });
        } catch (RiotException e) {
            if (syntax.isEmpty()) {
                syntax.add(fileProblem(0, e.getMessage()));
            }
        }
        if (!syntax.isEmpty()) {
            problems = syntax;
            close();
            return;
        }
        results = new HashMap<>();
        Txn.executeRead(store, () -> {
            ValidationReport report = ShaclValidator.get().validate(shapes.shapes(), store.getDefaultGraph());
            for (ReportEntry e : report.getEntries()) {
                results.computeIfAbsent(e.focusNode(), k -> new ArrayList<>()).add(e);
            }
        });
    }

    private Row fileProblem(long line, String message) {
        RowBuilder row = new RowBuilder(name(), line, List.of(name()));
        row.error("syntax", message);
        return row.build();
    }

    /** Jena's parse errors, with line numbers. */
    private final class Collect implements ErrorHandler {
        private final List<Row> problems;

        Collect(List<Row> problems) {
            this.problems = problems;
        }

        @Override
        public void warning(String message, long line, long col) {
            // Jena warns about things like undefined prefixes it can still read; not worth rejecting a file
        }

        @Override
        public void error(String message, long line, long col) {
            if (message.contains("newline in") && line > 1 && col <= 1) {
                // Jena's tokenizer reports a string broken by a line end where it stands after that line end: the
                // string (and the mistake) is on the line before
                problems.add(fileProblem(line - 1, message + " (at the end of the line)"));
                return;
            }
            problems.add(fileProblem(Math.max(line, 0), message + (col > 0 ? " (column " + col + ")" : "")));
        }

        @Override
        public void fatal(String message, long line, long col) {
            error(message, line, col);
            throw new RiotException(message);
        }
    }

    /** One source triple rewritten into the Melograph vocabulary, with the domain/range types it implies, into {@code out}. */
    private void align(Triple t, Graph out) {
        Node p = t.getPredicate();
        if (p.equals(RDF.type.asNode())) {
            if (t.getObject().isURI()) {
                for (String label : alignment.labelsOf(t.getObject().getURI())) {
                    out.add(Triple.create(t.getSubject(), RDF.type.asNode(), classNode(label)));
                }
            }
            return;
        }
        List<Alignment.PredicateMapping> mappings = alignment.predicate(p.getURI());
        if (mappings.isEmpty()) {
            ignoredPredicates.merge(p.getURI(), 1L, Long::sum);
            return;
        }
        for (Alignment.PredicateMapping m : mappings) {
            Node target = NodeFactory.createURI(m.target());
            if (ontology.relationByIri(m.target()).isPresent()) {
                Relation r = ontology.relationByIri(m.target()).get();
                Node s = m.inverse() ? t.getObject() : t.getSubject();
                Node o = m.inverse() ? t.getSubject() : t.getObject();
                out.add(Triple.create(s, target, o));
                if (r.singleDomain() != null) {
                    out.add(Triple.create(s, RDF.type.asNode(), classNode(r.singleDomain())));
                }
                if (r.singleRange() != null && !o.isLiteral()) {
                    out.add(Triple.create(o, RDF.type.asNode(), classNode(r.singleRange())));
                }
            } else {
                Property prop = ontology.propertyByIri(m.target()).orElseThrow();
                out.add(Triple.create(t.getSubject(), target, typed(t.getObject(), prop.datatype())));
                if (prop.domain().size() == 1) {
                    out.add(Triple.create(t.getSubject(), RDF.type.asNode(), classNode(prop.domain().iterator().next())));
                }
            }
        }
    }

    /** Resources without a name are named from their IRI. */
    private void nameFromIris(Graph out) {
        Node name = NodeFactory.createURI(Ontology.NS + "name");
        Set<Node> unnamed = new LinkedHashSet<>();
        out.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && !out.contains(t.getSubject(), name, Node.ANY)) {
                unnamed.add(t.getSubject());
            }
        });
        for (Node s : unnamed) { // added after the scan: the store is not changed while it is read
            alignment.nameFromIri(s.getURI()).ifPresent(n -> out.add(Triple.create(s, name, NodeFactory.createLiteralString(n))));
        }
    }

    /** A literal in the ontology's datatype when its text parses as one, so SHACL checks values, not spelling. */
    private static Node typed(Node o, Datatype datatype) {
        if (!o.isLiteral()) {
            return o;
        }
        String text = o.getLiteralLexicalForm();
        try {
            datatype.parse(text);
        } catch (IllegalArgumentException e) {
            return o;
        }
        return switch (datatype) {
            case STRING -> NodeFactory.createLiteralString(text);
            case INTEGER -> NodeFactory.createLiteralDT(text.strip(), XSDDatatype.XSDinteger);
            case DOUBLE -> NodeFactory.createLiteralDT(text.strip(), XSDDatatype.XSDdouble);
            case BOOLEAN -> NodeFactory.createLiteralDT(text.strip(), XSDDatatype.XSDboolean);
            case DATE -> NodeFactory.createLiteralDT(text.strip(), XSDDatatype.XSDdate);
            case DATETIME -> NodeFactory.createLiteralDT(text.strip(), XSDDatatype.XSDdateTime);
            case OTHER -> o;
        };
    }

    private static Node classNode(String label) {
        return NodeFactory.createURI(Ontology.NS + label);
    }

    /**
     * One row per resource with a Melograph class, carrying its SHACL results. The store's subject-first index hands
     * out each resource's triples together, so rows stream from it with nothing collected on the heap.
     */
    private void rows(Graph g, Consumer<Row> consumer) {
        List<Triple> about = new ArrayList<>();
        long[] line = {0};
        g.find(Node.ANY, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!about.isEmpty() && !about.get(0).getSubject().equals(t.getSubject())) {
                row(g, about, ++line[0]).ifPresent(consumer);
                about.clear();
            }
            about.add(t);
        });
        if (!about.isEmpty()) {
            row(g, about, ++line[0]).ifPresent(consumer);
        }
    }

    /** The row of the resource these triples are about, if it has a Melograph class. */
    private Optional<Row> row(Graph g, List<Triple> about, long line) {
        Node s = about.get(0).getSubject();
        List<String> labels = labels(about.iterator());
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        String where = s.isURI() ? "<" + s.getURI() + ">" : "_:" + s.getBlankNodeLabel();
        RowBuilder row = new RowBuilder(name(), line, where, List.of(where));
        for (ReportEntry e : results.getOrDefault(s, List.of())) {
            String field = e.resultPath() == null ? "" : e.resultPath().toString().replaceAll("^<.*[#/]([^#/>]+)>$", "$1");
            if (e.severity() == Severity.Violation) {
                row.error(field, e.message());
            } else {
                row.warning(field, e.message());
            }
        }
        String id = id(g, s);
        Map<String, Object> props = new HashMap<>();
        for (Triple t : about) {
            if (t.getPredicate().equals(RDF.type.asNode())) {
                continue;
            }
            String iri = t.getPredicate().getURI();
            ontology.propertyByIri(iri).ifPresent(p -> {
                if (!t.getObject().isLiteral()) {
                    row.error(p.key(), "expected a value, got the resource " + t.getObject());
                    return;
                }
                try {
                    // several values where one is expected (SHACL has warned): keep the smallest, whatever the triple order
                    props.merge(p.key(), p.datatype().parse(t.getObject().getLiteralLexicalForm()), RdfSource::smaller);
                } catch (IllegalArgumentException e) {
                    // SHACL's datatype check has reported it
                }
            });
            ontology.relationByIri(iri).ifPresent(r -> edge(g, row, labels, r, id, t.getObject()));
        }
        row.node(new NodeRecord(labels, id, props));
        return Optional.of(row.build());
    }

    /** A resource's Melograph classes, in the ontology's order, from its triples (the rdf:type ones count). */
    private List<String> labels(Iterator<Triple> triples) {
        List<String> labels = new ArrayList<>();
        triples.forEachRemaining(t -> {
            if (t.getPredicate().equals(RDF.type.asNode())) {
                labels.add(t.getObject().getLocalName());
            }
        });
        labels.sort(Comparator.comparingInt(classOrder::indexOf));
        return labels;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object smaller(Object a, Object b) {
        return a instanceof Comparable ca && a.getClass() == b.getClass() && ca.compareTo(b) > 0 ? b : a;
    }

    private void edge(Graph g, RowBuilder row, List<String> fromLabels, Relation r, String id, Node o) {
        if (o.isLiteral()) {
            row.error(r.column(), "expected a resource, got the value " + o);
            return;
        }
        String fromLabel = pick(fromLabels, r.domain());
        String toLabel = pick(labels(g.find(o, RDF.type.asNode(), Node.ANY)), r.range());
        if (fromLabel == null) {
            row.error(r.column(), "the resource is not a " + String.join(" or ", r.domain()));
        } else if (toLabel == null) {
            row.error(r.column(), o + " needs an rdf:type, one of " + String.join(", ", r.range()));
        } else {
            row.edge(new EdgeRecord(r.type(), fromLabel, id, toLabel, id(g, o), Map.of(), "id", r.column()));
        }
    }

    private static String pick(List<String> labels, Set<String> allowed) {
        return labels.stream().filter(allowed::contains).findFirst().orElse(null);
    }

    /** IRIs map through the alignment's namespaces; a blank node's id is a digest of what it says. */
    private String id(Graph g, Node n) {
        if (n.isURI()) {
            return alignment.idOf(n.getURI());
        }
        List<String> facts = new ArrayList<>();
        g.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> facts.add(t.getPredicate().getURI() + " "
                + (t.getObject().isBlank() ? "_" : t.getObject().toString())));
        facts.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("\n", facts).getBytes(StandardCharsets.UTF_8));
            return "bnode:" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
