package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.device.Refusal.Rule;
import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A disk looked up under the controller class a suite names, in what ioreg printed. */
class ControllerLookupTest {

    private static final String SCSI = "IOSCSIParallelInterfaceController";
    private static final String IOREG = "ioreg -a -l -r -c " + SCSI;

    private static ControllerLookup lookup(String fixture, String bsdName) throws IOException {
        return ControllerLookup.of(Files.readString(Fixtures.MACOS.resolve(fixture)), bsdName, SCSI, IOREG);
    }

    @Test
    void nothingPrintedIsNoSuchControllerARefusalNamingTheClassTried() throws IOException {
        ControllerLookup none = lookup("ioreg-no-such-class.txt", "disk5");
        assertEquals(Registry.UNKNOWN, none.registry());
        assertEquals(List.of(new Refusal(Rule.NO_CONTROLLER, "no controller of class IOSCSIParallelInterfaceController is attached:"
                + " 'ioreg -a -l -r -c IOSCSIParallelInterfaceController' printed nothing (classes tried:"
                + " IOSCSIParallelInterfaceController), so disk5 cannot be reached through one; set ioreg-class to the class of the"
                + " controller disk5 is attached to (or load the driver under test), or name the disk under test")), none.refusals());
        assertEquals(none, ControllerLookup.of("\n", "disk5", SCSI, IOREG), "a blank line is nothing too");
    }

    @Test
    void aDiskUnderNoneOfTheControllersFoundIsRefusedNamingThemAndTheirMedia() throws IOException {
        ControllerLookup elsewhere = lookup("ioreg-controller-dext.plist", "disk7");
        assertEquals(Registry.UNKNOWN, elsewhere.registry());
        assertEquals(List.of(new Refusal(Rule.NO_CONTROLLER, "disk7 is under no IOSCSIParallelInterfaceController;"
                + " 'ioreg -a -l -r -c IOSCSIParallelInterfaceController' found GammaRAIDController"
                + " (IOUserSCSIParallelInterfaceController) holding disk5, disk5s1, disk5s2; set ioreg-class to the class of the"
                + " controller disk7 is attached to (or load the driver under test), or name the disk under test")), elsewhere.refusals());
    }

    @Test
    void aDiskUnderTheControllerHasItsFactsAndNoRefusal() throws IOException {
        ControllerLookup raid = lookup("ioreg-controller-dext.plist", "disk5");
        assertEquals(List.of(), raid.refusals());
        assertEquals(Fixtures.registry("ioreg-controller-dext.plist", "disk5"), raid.registry());
    }

    @Test
    void aDamagedAnswerIsStillAParseError() {
        RigBroken e = assertThrows(RigBroken.class, () -> lookup("ioreg-truncated.plist", "disk5"));
        assertTrue(e.getMessage().startsWith(IOREG + ":"), e.getMessage());
    }
}
