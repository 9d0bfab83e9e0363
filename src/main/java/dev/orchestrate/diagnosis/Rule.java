package dev.orchestrate.diagnosis;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** One rule of the diagnosis: names a defect from the evidence, or says why it does not. */
interface Rule {

    /** What a rule concluded, and why it did or did not fire. */
    record Judgement(Optional<Finding> finding, String reasoning) {

        static Judgement fired(Finding finding) {
            return new Judgement(Optional.of(finding), "fired");
        }

        static Judgement not(String why) {
            return new Judgement(Optional.empty(), why);
        }
    }

    /** The rule's name in the reasoning. */
    String name();

    /** The defect it names. */
    Defect defect();

    /** The evidence it needs; by default what its defect declares. */
    default Set<Defect.Need> needs() {
        return defect().needs().isEmpty() ? EnumSet.noneOf(Defect.Need.class) : EnumSet.copyOf(defect().needs());
    }

    Judgement judge(Correlation c);
}
