package dev.orchestrate.outcome;

import dev.orchestrate.diagnosis.Defect;

/**
 * The device lost or damaged data. An {@link AssertionError}, so the JUnit Platform, Allure and the
 * exit code all call it a failure rather than a broken rig. The message is the defect's report
 * category and the one-line verdict, so that each failed cell falls in its defect's category.
 */
public final class DataDamaged extends AssertionError {

    /** Between the category and the verdict in every message; the categories match up to it. */
    public static final String SEPARATOR = " — ";

    private final transient Defect defect;
    private final String detail;

    /** @param detail the verdict: where the damage starts, what is there, and what the evidence says */
    public DataDamaged(Defect defect, String detail) {
        super(defect.category() + SEPARATOR + detail);
        this.defect = defect;
        this.detail = detail;
    }

    public Defect defect() {
        return defect;
    }

    public String detail() {
        return detail;
    }
}
