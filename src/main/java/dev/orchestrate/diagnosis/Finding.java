package dev.orchestrate.diagnosis;

/**
 * What a rule concluded: the defect, and the evidence it rests on, with its counts.
 *
 * @param explained how many damaged ranges the evidence covers
 * @param of how many damaged ranges the rule looked at
 */
public record Finding(Defect defect, String evidence, long explained, long of) {

    /** "transfer-length: all 12 damaged ranges start 278,528 bytes into ...". */
    public String text() {
        return defect.label() + ": " + evidence;
    }
}
