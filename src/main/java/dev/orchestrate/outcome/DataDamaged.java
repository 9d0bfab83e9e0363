package dev.orchestrate.outcome;

/**
 * The device lost or damaged data. An {@link AssertionError}, so the JUnit Platform, Allure and the
 * exit code all call it a failure rather than a broken rig. The message is the one-line verdict.
 */
public final class DataDamaged extends AssertionError {

    public DataDamaged(String verdict) {
        super(verdict);
    }
}
