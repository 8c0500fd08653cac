# Melograph service image.
#   docker build -t melograph .
#   docker run --rm -p 8080:8080 -e NEO4J_URI=bolt://host:7687 -e NEO4J_PASSWORD=... \
#              -e MELOGRAPH_ADMIN_TOKEN=... melograph            (runs `serve`)
#   docker run --rm ... melograph import ...                     (any other CLI command)
# docker-compose.yml at the top level runs it next to Neo4j 5.26.

# ---- build ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first, so editing sources does not download the world again
COPY pom.xml .
RUN mvn -B -q dependency:go-offline || true
COPY src src
COPY cypher cypher
COPY ontology ontology
COPY import import
RUN mvn -B -DskipTests package

# ---- run ----
FROM eclipse-temurin:17-jre
# curl for the compose healthcheck on /health
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/melograph --shell /usr/sbin/nologin melograph \
 && mkdir -p /var/lib/melograph /var/lib/melograph-shared \
 && chown melograph:melograph /var/lib/melograph /var/lib/melograph-shared
WORKDIR /app
COPY --from=build /build/target/melograph.jar /app/melograph.jar
ENV MELOGRAPH_HOME=/var/lib/melograph \
    DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    DJL_CACHE_DIR=/var/lib/melograph/djl \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /var/lib/melograph
EXPOSE 8080
USER melograph
ENTRYPOINT ["java", "-jar", "/app/melograph.jar"]
CMD ["serve"]
