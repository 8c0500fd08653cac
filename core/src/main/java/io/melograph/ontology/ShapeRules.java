package io.melograph.ontology;

import io.melograph.util.ClasspathDir;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.RDF;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ontology/shapes.ttl}: the full SHACL shapes for RDF validation, and the simple per-property constraints
 * (count, datatype, pattern, length, range) CSV rows are checked against, so both importers follow one file.
 */
public final class ShapeRules {
    public static final String RESOURCE = "ontology/shapes.ttl";
    private static final String SH = "http://www.w3.org/ns/shacl#";

    /** One property constraint of a node shape; {@code path} is the ontology term's local name. */
    public record Rule(String path, int minCount, int maxCount, Pattern pattern, Integer minLength, Double minInclusive,
                       Double maxInclusive, boolean warning, String message) {

        /** Problems with the given values of this property (a missing value is an empty list). */
        public List<String> check(List<?> values) {
            List<String> out = new ArrayList<>();
            if (values.size() < minCount) {
                out.add(message != null ? message : "is required");
                return out;
            }
            if (maxCount >= 0 && values.size() > maxCount) {
                out.add("has " + values.size() + " values, at most " + maxCount + " allowed");
            }
            for (Object v : values) {
                String text = String.valueOf(v);
                if (pattern != null && !pattern.matcher(text).find()) {
                    out.add(message != null ? message + " (got \"" + text + "\")" : "\"" + text + "\" does not match " + pattern);
                }
                if (minLength != null && text.length() < minLength) {
                    out.add("must not be empty");
                }
                if (v instanceof Number n) {
                    if (minInclusive != null && n.doubleValue() < minInclusive) {
                        out.add(text + " is below the minimum " + fmt(minInclusive));
                    }
                    if (maxInclusive != null && n.doubleValue() > maxInclusive) {
                        out.add(text + " is above the maximum " + fmt(maxInclusive));
                    }
                }
            }
            return out;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    private final Model model;
    private final Map<String, List<Rule>> rulesByLabel = new HashMap<>();

    private ShapeRules(Model model) {
        this.model = model;
        for (Resource shape : model.listSubjectsWithProperty(p("targetClass")).toList()) {
            String label = shape.getPropertyResourceValue(p("targetClass")).getLocalName();
            List<Rule> rules = rulesByLabel.computeIfAbsent(label, k -> new ArrayList<>());
            for (Statement st : shape.listProperties(p("property")).toList()) {
                rules.add(rule(st.getObject().asResource()));
            }
        }
    }

    public static ShapeRules load() {
        try (InputStream in = ClasspathDir.open(RESOURCE)) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.source(in).lang(Lang.TURTLE).parse(m);
            return new ShapeRules(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHACL shapes, for Jena's validator. */
    public Shapes shapes() {
        return Shapes.parse(model.getGraph());
    }

    public List<Rule> rules(String label) {
        return rulesByLabel.getOrDefault(label, List.of());
    }

    private Rule rule(Resource r) {
        boolean warning = r.hasProperty(p("severity"), model.createResource(SH + "Warning"));
        return new Rule(r.getPropertyResourceValue(p("path")).getLocalName(),
                intValue(r, "minCount", 0), intValue(r, "maxCount", -1),
                r.hasProperty(p("pattern")) ? Pattern.compile(r.getProperty(p("pattern")).getString()) : null,
                r.hasProperty(p("minLength")) ? intValue(r, "minLength", 0) : null,
                number(r, "minInclusive"), number(r, "maxInclusive"), warning,
                r.hasProperty(p("message")) ? r.getProperty(p("message")).getString() : null);
    }

    private int intValue(Resource r, String name, int dflt) {
        Statement s = r.getProperty(p(name));
        return s == null ? dflt : s.getInt();
    }

    private Double number(Resource r, String name) {
        Statement s = r.getProperty(p(name));
        if (s == null) {
            return null;
        }
        RDFNode o = s.getObject();
        return o.asLiteral().getDouble();
    }

    private org.apache.jena.rdf.model.Property p(String local) {
        return model.createProperty(SH + local);
    }

}
