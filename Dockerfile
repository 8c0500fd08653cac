# Melograph images, three targets from one build:
#   docker build --target service -t melograph-service .   the roles without the tools or an embedded Neo4j
#                                                           (service/target/melograph-service.jar), on an external Neo4j:
#   docker run --rm -p 8080:8080 -e NEO4J_URI=bolt://host:7687 -e NEO4J_PASSWORD=... \
#              -e MELOGRAPH_ADMIN_TOKEN=... [-e MELOGRAPH_ROLE=serve|worker] melograph-service
#   docker build --target serving -t melograph-serving .   the serve role alone, without PyTorch
#                                                           (serving/target/melograph-serving.jar): serving instances
#   docker build --target tools -t melograph .             the full jar: the CLI (import, eval, train, bench, simulate)
#   docker run --rm ... melograph import ...                and `serve`, the demo on an embedded Neo4j with its simulated community
# docker-compose.yml at the top level runs the service image next to Neo4j 5.26 (the tools image on demand).

# ---- build ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first, so editing sources does not download the world again: core's (most of them; the other
# modules' need core built, so package fetches what is left)
COPY pom.xml .
COPY embedded-neo4j/pom.xml embedded-neo4j/
COPY core/pom.xml core/
COPY worker/pom.xml worker/
COPY serve/pom.xml serve/
COPY service/pom.xml service/
COPY serving/pom.xml serving/
COPY tools/pom.xml tools/
RUN mvn -B -q -pl core -am dependency:go-offline
COPY core/src core/src
COPY worker/src worker/src
COPY serve/src serve/src
COPY tools/src tools/src
COPY cypher cypher
COPY ontology ontology
COPY import import
RUN mvn -B -DskipTests package

# ---- what both images share ----
FROM eclipse-temurin:17-jre AS base
# curl for the compose healthcheck on /health
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/melograph --shell /usr/sbin/nologin melograph \
 && mkdir -p /var/lib/melograph /var/lib/melograph-shared \
 && chown melograph:melograph /var/lib/melograph /var/lib/melograph-shared
WORKDIR /app
ENV MELOGRAPH_HOME=/var/lib/melograph \
    DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    DJL_CACHE_DIR=/var/lib/melograph/djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /var/lib/melograph
EXPOSE 8080
USER melograph

# ---- the full jar: CLI and the demo ----
FROM base AS tools
COPY --from=build /build/tools/target/melograph.jar /app/melograph.jar
ENTRYPOINT ["java", "-jar", "/app/melograph.jar"]
CMD ["serve"]

# ---- the serve role alone (MELOGRAPH_ROLE=serve; needs Kafka, an external Neo4j and the shared folder) ----
FROM base AS serving
ENV MELOGRAPH_ROLE=serve
COPY --from=build /build/serving/target/melograph-serving.jar /app/melograph-serving.jar
ENTRYPOINT ["java", "-jar", "/app/melograph-serving.jar"]

# ---- the service (last, so a plain `docker build` makes it): MELOGRAPH_ROLE all (default), serve or worker ----
FROM base AS service
COPY --from=build /build/service/target/melograph-service.jar /app/melograph-service.jar
ENTRYPOINT ["java", "-jar", "/app/melograph-service.jar"]
