# Ballast image: built from this repository, runs as an unprivileged user.
#   docker build -t ballast .
#   docker compose up          (PostgreSQL, Mailpit and Ballast together)

# --- build: JDK 17 and Node 20 (the front end is built by the Maven build) ---
FROM node:20-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY . .
RUN ./mvnw -B -DskipTests package \
 && cp target/ballast-*.jar /ballast.jar

# --- run: a JRE and the jar ---
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/ballast --create-home ballast
USER 10001
WORKDIR /var/lib/ballast
COPY --from=build /ballast.jar /opt/ballast/ballast.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/ballast/ballast.jar"]
