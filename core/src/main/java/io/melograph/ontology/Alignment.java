package io.melograph.ontology;

import io.melograph.util.ClasspathDir;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How foreign RDF vocabularies map onto the ontology, read from {@code ontology/alignments/*.ttl} (and the ontology's
 * own terms, which map to themselves). A file holds only owl:equivalentClass, rdfs:subClassOf,
 * owl:equivalentProperty, rdfs:subPropertyOf and owl:inverseOf statements towards Melograph terms, plus optional
 * namespace annotations (mg:idPrefix, mg:nameFromIri). Adding a vocabulary is adding a file, not code.
 */
public final class Alignment {
    public static final String DIR = "ontology/alignments";

    /** A foreign predicate read as a Melograph term, possibly in the other direction. */
    public record PredicateMapping(String target, boolean inverse) {}

    private record Namespace(String iri, String idPrefix, boolean nameFromIri) {}

    private final Ontology ontology;
    private final Map<String, Set<String>> classes = new HashMap<>();
    private final Map<String, List<PredicateMapping>> predicates = new HashMap<>();
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<String> files;

    private Alignment(Ontology ontology, Map<String, Model> models) {
        this.ontology = ontology;
        this.files = List.copyOf(models.keySet());
        ontology.classes().forEach(c -> classes.computeIfAbsent(c.iri(), k -> new LinkedHashSet<>()).add(c.label()));
        ontology.relations().forEach(r -> predicates.computeIfAbsent(r.iri(), k -> new ArrayList<>()).add(new PredicateMapping(r.iri(), false)));
        ontology.properties().forEach(p -> predicates.computeIfAbsent(p.iri(), k -> new ArrayList<>()).add(new PredicateMapping(p.iri(), false)));
        List<Model> all = new ArrayList<>(models.values());
        all.add(ontology.model());
        for (Model m : all) {
            read(m);
        }
        namespaces.sort(Comparator.comparingInt((Namespace n) -> n.iri().length()).reversed());
    }

    public static Alignment load(Ontology ontology) {
        Map<String, Model> models = new java.util.LinkedHashMap<>();
        for (String file : ClasspathDir.list(DIR, ".ttl")) {
            try (InputStream in = ClasspathDir.open(DIR + "/" + file)) {
                Model m = ModelFactory.createDefaultModel();
                RDFParser.source(in).lang(Lang.TURTLE).parse(m);
                models.put(file, m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Alignment(ontology, models);
    }

    public List<String> files() {
        return files;
    }

    private void read(Model m) {
        for (Statement s : m.listStatements().toList()) {
            if (!s.getObject().isURIResource() || !s.getSubject().isURIResource()) {
                continue;
            }
            String subject = s.getSubject().getURI();
            String object = s.getObject().asResource().getURI();
            if (s.getPredicate().equals(OWL2.equivalentClass)) {
                mapClass(subject, object);
                mapClass(object, subject);
            } else if (s.getPredicate().equals(RDFS.subClassOf)) {
                mapClass(subject, object);
            } else if (s.getPredicate().equals(OWL2.equivalentProperty)) {
                mapPredicate(subject, object, false);
                mapPredicate(object, subject, false);
            } else if (s.getPredicate().equals(RDFS.subPropertyOf)) {
                mapPredicate(subject, object, false);
            } else if (s.getPredicate().equals(OWL2.inverseOf)) {
                mapPredicate(subject, object, true);
                mapPredicate(object, subject, true);
            }
        }
        for (Resource ns : m.listSubjectsWithProperty(m.createProperty(Ontology.NS + "idPrefix")).toList()) {
            Statement name = ns.getProperty(m.createProperty(Ontology.NS + "nameFromIri"));
            namespaces.add(new Namespace(ns.getURI(), ns.getProperty(m.createProperty(Ontology.NS + "idPrefix")).getString(),
                    name != null && name.getBoolean()));
        }
    }

    /** Only statements that land on a Melograph term count; the rest of a foreign ontology is ignored. */
    private void mapClass(String foreign, String target) {
        ontology.classByIri(target).ifPresent(c -> classes.computeIfAbsent(foreign, k -> new LinkedHashSet<>()).add(c.label()));
    }

    private void mapPredicate(String foreign, String target, boolean inverse) {
        boolean known = ontology.relationByIri(target).isPresent() || (!inverse && ontology.propertyByIri(target).isPresent());
        if (known && !foreign.equals(target)) {
            List<PredicateMapping> list = predicates.computeIfAbsent(foreign, k -> new ArrayList<>());
            PredicateMapping mapping = new PredicateMapping(target, inverse);
            if (!list.contains(mapping)) {
                list.add(mapping);
            }
        }
    }

    /** The labels an rdf:type maps to (empty when the class is not aligned). */
    public Set<String> labelsOf(String classIri) {
        return classes.getOrDefault(classIri, Set.of());
    }

    public List<PredicateMapping> predicate(String predicateIri) {
        return predicates.getOrDefault(predicateIri, List.of());
    }

    /** The stable id of an IRI: the declared namespace's prefix + the local part, else the IRI itself. */
    public String idOf(String iri) {
        return namespace(iri).map(n -> n.idPrefix() + iri.substring(n.iri().length())).orElse(iri);
    }

    /** A readable name from an IRI, for namespaces that ask for it ("Love_Me_Do__Love_Me_Do__1" -> "Love Me Do"). */
    public Optional<String> nameFromIri(String iri) {
        return namespace(iri).filter(Namespace::nameFromIri).map(n -> {
            String local = iri.substring(n.iri().length());
            int variant = local.indexOf("__");
            if (variant > 0) {
                local = local.substring(0, variant);
            }
            try {
                local = URLDecoder.decode(local.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
                // not percent-encoded after all: keep it as written
            }
            return local.replace('_', ' ').strip();
        }).filter(s -> !s.isEmpty());
    }

    private Optional<Namespace> namespace(String iri) {
        for (Namespace n : namespaces) {
            if (iri.startsWith(n.iri()) && iri.length() > n.iri().length()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
