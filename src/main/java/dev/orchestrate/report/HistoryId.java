package dev.orchestrate.report;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A test case's identity in Allure's history and retries. allure-junit-platform makes it from the
 * cell's unique id alone, so the same cell from two stations would be taken for two tries of one
 * test in a merged report; the {@value #STATION} label joins it. Without a station it is
 * allure-junit-platform's own, so the history of runs without one goes on as it was.
 */
public final class HistoryId {

    /** The label that names the station a test case ran on. */
    public static final String STATION = "station";

    private HistoryId() {
    }

    /** The history id of the test case {@code testCaseId} (the cell's unique id) from {@code station}, which may be empty. */
    public static String of(String testCaseId, String station) {
        return md5(station == null || station.isEmpty() ? testCaseId : testCaseId + "\n" + STATION + "=" + station);
    }

    /** As allure-junit-platform writes it: hex, without leading zeros. */
    private static String md5(String text) {
        try {
            return new BigInteger(1, MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))).toString(16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }
}
