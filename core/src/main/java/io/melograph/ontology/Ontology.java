package io.melograph.ontology;

import io.melograph.util.ClasspathDir;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph model read from {@code ontology/melograph.ttl}: classes are labels, object properties are
 * relationship types (camelCase local name to UPPER_SNAKE), datatype properties are property keys.
 * Nothing in the code keeps a second list of these names.
 */
public final class Ontology {
    public static final String NS = "http://melograph.io/ontology#";
    public static final String RESOURCE = "ontology/melograph.ttl";

    private final Model model;
    private final Map<String, NodeClass> classesByIri = new LinkedHashMap<>();
    private final Map<String, NodeClass> classesByLabel = new LinkedHashMap<>();
    private final Map<String, Relation> relationsByIri = new LinkedHashMap<>();
    private final Map<String, Relation> relationsByType = new LinkedHashMap<>();
    private final Map<String, Property> propertiesByIri = new LinkedHashMap<>();

    private Ontology(Model model) {
        this.model = model;
        for (Resource c : model.listSubjectsWithProperty(RDF.type, OWL2.Class).toList()) {
            if (c.isURIResource() && c.getURI().startsWith(NS)) {
                String label = c.getLocalName();
                NodeClass nc = new NodeClass(c.getURI(), label, string(c, "csvFile"), flag(c, "internal"));
                classesByIri.put(nc.iri(), nc);
                classesByLabel.put(label, nc);
            }
        }
        for (Resource p : model.listSubjectsWithProperty(RDF.type, OWL2.ObjectProperty).toList()) {
            String local = p.getLocalName();
            Resource keyedBy = p.getPropertyResourceValue(term("keyedBy"));
            Relation r = new Relation(p.getURI(), relationshipType(local), local,
                    labels(p.getPropertyResourceValue(RDFS.domain)), labels(p.getPropertyResourceValue(RDFS.range)),
                    string(p, "csvFile"), string(p, "csvHeadColumn"), string(p, "csvTailColumn"),
                    keyedBy == null ? null : keyedBy.getLocalName(), flag(p, "derived"));
            relationsByIri.put(r.iri(), r);
            relationsByType.put(r.type(), r);
        }
        for (Resource p : model.listSubjectsWithProperty(RDF.type, OWL2.DatatypeProperty).toList()) {
            Set<String> relations = new LinkedHashSet<>();
            model.listObjectsOfProperty(p, term("onRelationship"))
                    .forEach(o -> relations.add(relationshipType(o.asResource().getLocalName())));
            Resource range = p.getPropertyResourceValue(RDFS.range);
            Property prop = new Property(p.getURI(), p.getLocalName(), labels(p.getPropertyResourceValue(RDFS.domain)),
                    relations, Datatype.fromIri(range == null ? null : range.getURI()),
                    p.hasProperty(RDF.type, OWL2.FunctionalProperty), flag(p, "internal"));
            propertiesByIri.put(prop.iri(), prop);
        }
    }

    /** The ontology shipped in the jar. */
    public static Ontology load() {
        try (InputStream in = ClasspathDir.open(RESOURCE)) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.source(in).lang(Lang.TURTLE).base(NS).parse(m);
            return new Ontology(m);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** performedBy -> PERFORMED_BY, coListened -> CO_LISTENED. */
    public static String relationshipType(String localName) {
        return localName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
    }

    public Model model() {
        return model;
    }

    public Collection<NodeClass> classes() {
        return classesByLabel.values();
    }

    public Collection<Relation> relations() {
        return relationsByType.values();
    }

    public Collection<Property> properties() {
        return propertiesByIri.values();
    }

    public Set<String> labels() {
        return classesByLabel.keySet();
    }

    public Set<String> relationshipTypes() {
        return relationsByType.keySet();
    }

    public Optional<NodeClass> classByIri(String iri) {
        return Optional.ofNullable(classesByIri.get(iri));
    }

    public Optional<NodeClass> classByLabel(String label) {
        return Optional.ofNullable(classesByLabel.get(label));
    }

    public Optional<Relation> relationByIri(String iri) {
        return Optional.ofNullable(relationsByIri.get(iri));
    }

    public Optional<Relation> relationByType(String type) {
        return Optional.ofNullable(relationsByType.get(type));
    }

    public Optional<Property> propertyByIri(String iri) {
        return Optional.ofNullable(propertiesByIri.get(iri));
    }

    /** Importable entity classes, each after the classes it references (genres before songs), then by name. */
    public List<NodeClass> entityClasses() {
        List<NodeClass> pending = new ArrayList<>(classesByLabel.values().stream().filter(c -> !c.internal())
                .sorted(java.util.Comparator.comparing(NodeClass::label)).toList());
        List<NodeClass> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            NodeClass next = pending.stream().filter(c -> relationsFrom(c.label()).stream()
                            .allMatch(r -> r.range().stream().allMatch(t -> t.equals(c.label()) || placed.contains(t))))
                    .findFirst().orElse(pending.get(0));
            pending.remove(next);
            placed.add(next.label());
            out.add(next);
        }
        return out;
    }

    /** Datatype properties stored on nodes of {@code label}, except {@code id} and computed ones. */
    public List<Property> nodeProperties(String label) {
        List<Property> out = new ArrayList<>();
        for (Property p : propertiesByIri.values()) {
            if (p.relations().isEmpty() && p.domain().contains(label) && !p.internal() && !p.key().equals("id")) {
                out.add(p);
            }
        }
        out.sort(java.util.Comparator.comparing((Property p) -> !p.key().equals("name")).thenComparing(Property::key));
        return out;
    }

    /** Datatype properties stored on relationships of {@code type}. */
    public List<Property> relationProperties(String type) {
        return propertiesByIri.values().stream().filter(p -> p.relations().contains(type))
                .sorted(java.util.Comparator.comparing(Property::key)).toList();
    }

    /** Relationships whose domain includes {@code label}, i.e. the reference columns of its entity file. */
    public List<Relation> relationsFrom(String label) {
        return relationsByType.values().stream().filter(r -> r.domain().contains(label) && r.csvFile() == null)
                .sorted(java.util.Comparator.comparing(Relation::column)).toList();
    }

    private Set<String> labels(Resource classExpression) {
        Set<String> out = new LinkedHashSet<>();
        if (classExpression == null) {
            return out;
        }
        if (classExpression.isURIResource()) {
            out.add(classExpression.getLocalName());
            return out;
        }
        Resource union = classExpression.getPropertyResourceValue(OWL2.unionOf);
        if (union != null) {
            for (RDFNode member : union.as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
                out.add(member.asResource().getLocalName());
            }
        }
        return out;
    }

    private org.apache.jena.rdf.model.Property term(String local) {
        return model.createProperty(NS + local);
    }

    private String string(Resource r, String annotation) {
        Statement s = r.getProperty(term(annotation));
        return s == null ? null : s.getString();
    }

    private boolean flag(Resource r, String annotation) {
        Statement s = r.getProperty(term(annotation));
        return s != null && s.getBoolean();
    }
}
