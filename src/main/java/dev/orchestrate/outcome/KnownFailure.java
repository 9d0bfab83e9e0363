package dev.orchestrate.outcome;

import dev.orchestrate.diagnosis.Defect;

/**
 * A failure the suite expects (a known driver bug, perhaps with its ticket): still a failure in the
 * report, but it does not fail the run.
 */
public final class KnownFailure extends AssertionError {

    /** How every such message starts; the report's category of known failures matches it. */
    public static final String PREFIX = "As expected";

    private final transient Defect defect;

    /** @param ticket the known bug's reference, or empty */
    public KnownFailure(DataDamaged failure, String ticket) {
        super(PREFIX + (ticket.isEmpty() ? "" : " (" + ticket + ")") + ": " + failure.getMessage(), failure);
        this.defect = failure.defect();
    }

    public Defect defect() {
        return defect;
    }
}
