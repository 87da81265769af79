# syntax=docker/dockerfile:1
# The PeerDesk portal. Build context: the repository root (compose.yaml does this):
#   docker build -f docker/portal.Dockerfile -t peerdesk-portal .
# Configuration is by environment only (see compose.yaml); secrets never go into the image.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# the jOOQ classes are generated during the build from the migrations (on a throwaway H2 file)
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl web -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system peerdesk \
 && useradd --system --gid peerdesk --home-dir /app --no-create-home --shell /usr/sbin/nologin peerdesk \
 && mkdir -p /app /data \
 && chown peerdesk:peerdesk /data
WORKDIR /app
COPY --from=build /src/web/target/peerdesk-portal.jar /app/peerdesk-portal.jar
USER peerdesk
ENV PORT=8080 \
    PORTAL_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/peerdesk-portal.jar"]
