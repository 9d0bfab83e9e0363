package dev.orchestrate.report;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.outcome.DataDamaged;
import dev.orchestrate.outcome.KnownFailure;
import dev.orchestrate.outcome.UnexpectedPass;
import dev.orchestrate.process.Cancellation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The report's failure categories, made from the defect declarations and the message prefixes the
 * outcomes declare: every failed cell's message starts with exactly one of them, so each case is
 * in exactly one category, and rewording a diagnosis cannot move it.
 */
final class Categories {

    private Categories() {
    }

    static List<Map<String, Object>> all() {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (Defect d : Defect.values()) {
            categories.add(failed(d.category(), d.category() + DataDamaged.SEPARATOR, d.sentence()));
        }
        // a known failure keeps its defect in the category, after the ticket the suite gives it
        for (Defect d : Defect.values()) {
            categories.add(Map.of("name", "Known failure (as expected): " + d.category(), "matchedStatuses", List.of("failed"),
                    "messageRegex", "(?s)" + Pattern.quote(KnownFailure.PREFIX) + "(?: \\(.*?\\))?: "
                            + Pattern.quote(d.category() + DataDamaged.SEPARATOR) + ".*",
                    "description", "the suite expects these cells to fail with this defect, perhaps with a known bug's ticket; "
                            + "they do not fail the run"));
        }
        categories.add(failed(UnexpectedPass.PREFIX, UnexpectedPass.PREFIX,
                "the suite expects these cells to fail, and they passed: fixed, or the suite no longer provokes the bug"));
        String known = Stream.concat(Arrays.stream(Defect.values()).map(d -> d.category() + DataDamaged.SEPARATOR),
                Stream.of(KnownFailure.PREFIX, UnexpectedPass.PREFIX)).map(Pattern::quote).collect(Collectors.joining("|"));
        categories.add(Map.of("name", "Failed, with no defect named", "matchedStatuses", List.of("failed"),
                "messageRegex", "(?s)(?!" + known + ").*", "description", "an assertion failed outside the verdicts"));
        categories.add(Map.of("name", "Interrupted (the run was cancelled)", "matchedStatuses", List.of("broken"),
                "messageRegex", Pattern.quote(Cancellation.INTERRUPTED) + ".*",
                "description", "SIGINT or SIGTERM stopped the cell at this step; it was torn down; nothing is known about the device"));
        categories.add(Map.of("name", "Not run (the run was cancelled before them)", "matchedStatuses", List.of("skipped"),
                "messageRegex", Pattern.quote(Cancellation.NOT_RUN) + ".*"));
        // Allure counts a case in every category that matches: the catch-alls leave the cancelled ones out
        categories.add(Map.of("name", "Tool or rig broken", "matchedStatuses", List.of("broken"),
                "messageRegex", besides(Cancellation.INTERRUPTED),
                "description", "a tool crashed or timed out, or the rig failed; nothing is known about the device"));
        categories.add(Map.of("name", "Not runnable on this host", "matchedStatuses", List.of("skipped"),
                "messageRegex", besides(Cancellation.NOT_RUN)));
        return categories;
    }

    /** A category of failed cells whose message starts with {@code prefix}. */
    private static Map<String, Object> failed(String name, String prefix, String description) {
        return Map.of("name", name, "matchedStatuses", List.of("failed"), "messageRegex", "(?s)" + Pattern.quote(prefix) + ".*",
                "description", description);
    }

    /** A message regex for every message that does not begin with {@code prefix}. */
    private static String besides(String prefix) {
        return "(?s)(?!" + Pattern.quote(prefix) + ").*";
    }
}
