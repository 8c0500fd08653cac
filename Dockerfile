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

# The base images are build arguments, for a registry that mirrors them or a machine without Docker Hub (docs/benchmarks.md,
# "Image sizes", builds both from Debian's packages): --build-arg BUILD_IMAGE=... --build-arg SLIM_IMAGE=...
# BUILD_IMAGE needs a JDK with its jmods (jlink makes each image's Java from them).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG SLIM_IMAGE=debian:bookworm-slim

# ---- build ----
FROM ${BUILD_IMAGE} AS build
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

# ---- each image's Java, linked by jlink from the build's JDK: every module for the full and service jars (a JRE's
# worth, nothing missed), only the modules the serving jar uses (jdeps) for the serving image ----
FROM build AS java
RUN jlink --add-modules ALL-MODULE-PATH --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/java-full \
 && jlink --add-modules "$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 serving/target/melograph-serving.jar),jdk.crypto.ec,jdk.zipfs" \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/java-serving

# ---- what every image shares ----
FROM ${SLIM_IMAGE} AS base
# curl for the compose healthcheck on /health; fontconfig for the charts the evaluation draws (java.desktop)
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl fontconfig \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/melograph --shell /usr/sbin/nologin melograph \
 && mkdir -p /var/lib/melograph /var/lib/melograph-shared \
 && chown melograph:melograph /var/lib/melograph /var/lib/melograph-shared
WORKDIR /app
ENV PATH=/opt/java/bin:$PATH \
    MELOGRAPH_HOME=/var/lib/melograph \
    DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    DJL_CACHE_DIR=/var/lib/melograph/djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /var/lib/melograph
EXPOSE 8080
USER melograph

# ---- the full jar: CLI and the demo ----
FROM base AS tools
COPY --from=java /opt/java-full /opt/java
COPY --from=build /build/tools/target/melograph.jar /app/melograph.jar
ENTRYPOINT ["java", "-jar", "/app/melograph.jar"]
CMD ["serve"]

# ---- the serve role alone (MELOGRAPH_ROLE=serve; needs Kafka, an external Neo4j and the shared folder) ----
FROM base AS serving
ENV MELOGRAPH_ROLE=serve
COPY --from=java /opt/java-serving /opt/java
COPY --from=build /build/serving/target/melograph-serving.jar /app/melograph-serving.jar
ENTRYPOINT ["java", "-jar", "/app/melograph-serving.jar"]

# ---- the service (last, so a plain `docker build` makes it): MELOGRAPH_ROLE all (default), serve or worker ----
FROM base AS service
COPY --from=java /opt/java-full /opt/java
COPY --from=build /build/service/target/melograph-service.jar /app/melograph-service.jar
ENTRYPOINT ["java", "-jar", "/app/melograph-service.jar"]
