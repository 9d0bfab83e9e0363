package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's build, from the environment of the CI engines labs use, the command line, or the local history. */
class ExecutorTest {

    private static final Path RUN = Path.of("/lab/reports/transfer-limit/2026-12-02_01-00-00");

    @Test
    void onGitHubActionsTheWorkflowRunNumbersAndLinksTheBuild() {
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_NUMBER", "412", "GITHUB_RUN_ID", "9876543210",
                "GITHUB_SERVER_URL", "https://github.example", "GITHUB_REPOSITORY", "lab/raid-driver", "GITHUB_WORKFLOW", "nightly");
        String run = "https://github.example/lab/raid-driver/actions/runs/9876543210";
        assertEquals(new Executor("GitHub Actions", "github", 412, "nightly #412", run, run, "transfer-limit"),
                Executor.of(env, Executor.Given.NONE, RUN, 7));
    }

    @Test
    void onJenkinsTheJobsBuildNumbersAndLinksIt() {
        Map<String, String> env = Map.of("BUILD_NUMBER", "88", "BUILD_URL", "https://ci.lab/job/raid-nightly/88/",
                "JOB_NAME", "raid-nightly");
        assertEquals(new Executor("Jenkins", "jenkins", 88, "raid-nightly #88", "https://ci.lab/job/raid-nightly/88/",
                "https://ci.lab/job/raid-nightly/88/", "transfer-limit"), Executor.of(env, Executor.Given.NONE, RUN, 0));
    }

    @Test
    void theCommandLineOverridesTheEngine() {
        Map<String, String> env = Map.of("BUILD_NUMBER", "88", "BUILD_URL", "https://ci.lab/job/raid-nightly/88/", "JOB_NAME", "raid");
        Executor e = Executor.of(env, new Executor.Given(1000L, "https://lab/b/1000", "https://lab/reports/1000/"), RUN, 0);
        assertEquals(new Executor("Jenkins", "jenkins", 1000, "raid #1000", "https://lab/b/1000", "https://lab/reports/1000/",
                "transfer-limit"), e);
    }

    @Test
    void aLocalRunIsNumberedAfterTheHistoryAndLinksItsOwnReport() {
        assertEquals(new Executor("orchestrate", "orchestrate", 8, "transfer-limit #8 (2026-12-02_01-00-00)",
                        "file:///lab/reports/transfer-limit/2026-12-02_01-00-00",
                        "file:///lab/reports/transfer-limit/2026-12-02_01-00-00/report.html", "transfer-limit"),
                Executor.of(Map.of("GITHUB_ACTIONS", "false", "BUILD_NUMBER", "3"), Executor.Given.NONE, RUN, 7));
    }

    @Test
    void aBuildNumberThatIsNotANumberFallsBackToTheHistory() {
        Map<String, String> env = Map.of("BUILD_NUMBER", "last", "BUILD_URL", "https://ci.lab/job/x/last/", "JOB_NAME", "x");
        assertEquals(3, Executor.of(env, Executor.Given.NONE, RUN, 2).buildOrder());
    }
}
