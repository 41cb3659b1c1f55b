# The production-like image: build with the Maven wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -DskipTests package && cp target/civiquiz-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 civiquiz
USER civiquiz
COPY --from=build /app.jar /app/civiquiz.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/civiquiz.jar"]
