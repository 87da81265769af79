# syntax=docker/dockerfile:1
# The simulated cloud, standalone: its EC2 Query API on port 4566, journal and snapshots in /data,
# the demo world created on the first start of an empty /data. Build context: the repository root:
#   docker build -f docker/simulator.Dockerfile -t peerdesk-simulator .

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl sim-engine package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system simulator \
 && useradd --system --gid simulator --home-dir /app --no-create-home --shell /usr/sbin/nologin simulator \
 && mkdir -p /app /data \
 && chown simulator:simulator /data
WORKDIR /app
COPY --from=build /src/sim-engine/target/sim-engine-standalone.jar /app/sim-engine-standalone.jar
USER simulator
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 4566
VOLUME /data
# any HTTP answer will do (an unsigned GET gets an EC2 error document): the endpoint is listening
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD curl -s -o /dev/null http://127.0.0.1:4566/ || exit 1
ENTRYPOINT ["java", "-jar", "/app/sim-engine-standalone.jar"]
CMD ["--bind", "0.0.0.0", "--port", "4566", "--data-dir", "/data", "--seed", "demo"]
