package dev.orchestrate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Allure's executor ({@code allure-results/executor.json}): the build that made the report. Allure
 * numbers the points of its trend by {@code buildOrder} and links each to its {@code reportUrl},
 * and the overview links the build; without them the trend is a row of unnamed points. The build
 * is the CI engine's (GitHub Actions, Jenkins, from their environment), what the command line
 * gives, or else a local one numbered after the last build in the history the run carries.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Executor(String name, String type, long buildOrder, String buildName, String buildUrl, String reportUrl,
                       String reportName) {

    public static final String FILE = "executor.json";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What the command line says of the build (--build-order, --build-url, --report-url); null where it says nothing. */
    public record Given(Long buildOrder, String buildUrl, String reportUrl) {

        public static final Given NONE = new Given(null, null, null);
    }

    /** A CI engine's build, as its environment describes it; {@code job} names the pipeline. */
    private record Build(String name, String type, String order, String url, String job) {

        static Optional<Build> of(Map<String, String> env) {
            if ("true".equals(env.get("GITHUB_ACTIONS")) && env.containsKey("GITHUB_RUN_NUMBER")) {
                return Optional.of(new Build("GitHub Actions", "github", env.get("GITHUB_RUN_NUMBER"),
                        env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY") + "/actions/runs/" + env.get("GITHUB_RUN_ID"),
                        env.getOrDefault("GITHUB_WORKFLOW", env.get("GITHUB_REPOSITORY"))));
            }
            if (env.containsKey("BUILD_NUMBER") && env.containsKey("BUILD_URL")) {
                return Optional.of(new Build("Jenkins", "jenkins", env.get("BUILD_NUMBER"), env.get("BUILD_URL"),
                        env.getOrDefault("JOB_NAME", "build")));
            }
            return Optional.empty();
        }
    }

    /**
     * The executor of the run in {@code runDir} ({@code reports/<suite>/<timestamp>}): the command
     * line's values first, then the CI engine's; a local build is numbered {@code lastOrder + 1} and
     * links the run's own directory and report.
     *
     * @param environment the process's environment
     * @param lastOrder the highest build number in the history the run carries, 0 without one
     */
    public static Executor of(Map<String, String> environment, Given given, Path runDir, long lastOrder) {
        String suite = runDir.getParent().getFileName().toString();
        Optional<Build> ci = Build.of(environment);
        long order = given.buildOrder() != null ? given.buildOrder() : ci.flatMap(b -> number(b.order())).orElse(lastOrder + 1);
        Path run = runDir.toAbsolutePath();
        String buildUrl = given.buildUrl() != null ? given.buildUrl() : ci.map(Build::url).orElse(run.toUri().toString());
        String reportUrl = given.reportUrl() != null ? given.reportUrl()
                : ci.isPresent() ? buildUrl : run.resolve(AllureReport.SINGLE_FILE).toUri().toString();
        return new Executor(ci.map(Build::name).orElse("orchestrate"), ci.map(Build::type).orElse("orchestrate"), order,
                ci.map(b -> b.job() + " #" + order).orElse(suite + " #" + order + " (" + runDir.getFileName() + ")"), buildUrl,
                reportUrl, suite);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static Executor read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Executor.class);
    }
}
