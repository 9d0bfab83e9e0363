package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DriverOpsTest {

    private static Op op(String text) {
        return DriverOps.STANDARD.of(text).op();
    }

    @Test
    void scsiOpcodesAreTheirOps() {
        assertEquals(Op.READ, op("0x28"));
        assertEquals(Op.READ, op("0x88"));
        assertEquals(Op.WRITE, op("0x2a"));
        assertEquals(Op.WRITE, op("0X8A"));
        assertEquals(Op.WRITE, op("2Ah"));
        assertEquals(Op.FSYNC, op("0x35"));
        assertEquals(Op.FSYNC, op("0x91"));
        assertEquals(new DriverOps.Command(Op.OTHER, "TEST UNIT READY"), DriverOps.STANDARD.of("0x00"));
        assertEquals(new DriverOps.Command(Op.OTHER, "INQUIRY"), DriverOps.STANDARD.of("0x12"));
    }

    @Test
    void namesAreReadWhateverTheirSpacingAndCase() {
        assertEquals(Op.WRITE, op("write"));
        assertEquals(Op.READ, op("READ (10)"));
        assertEquals(Op.READ, op("read(16)"));
        assertEquals(Op.FSYNC, op("Synchronize_Cache"));
        assertEquals(Op.FSYNC, op("SYNCHRONIZE  CACHE(16)"));
        assertEquals(Op.FSYNC, op("FLUSH"), "a driver's flush is a cache flush, which the diagnosis reads as fsync");
        assertEquals(new DriverOps.Command(Op.OTHER, "TEST UNIT READY"), DriverOps.STANDARD.of("test-unit-ready"));
    }

    @Test
    void onlyCommandsThatMoveNoDataKeepTheirNameAsTheCause() {
        assertEquals("INQUIRY", DriverOps.STANDARD.of("INQUIRY").cause());
        assertEquals("", DriverOps.STANDARD.of("0x2a").cause());
    }

    @Test
    void anUnknownOpcodeOrNameIsAnErrorThatSaysWhatIsKnown() {
        IllegalArgumentException opcode = assertThrows(IllegalArgumentException.class, () -> op("0x1a"));
        assertTrue(opcode.getMessage().startsWith("unknown SCSI opcode 0x1a; known: 0x00, 0x08, 0x0a, 0x12, 0x28, 0x2a, 0x35,"),
                opcode.getMessage());
        assertTrue(opcode.getMessage().endsWith("declare others under 'ops' in the format"), opcode.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> op("WRTIE"));
        assertEquals("unknown operation 'WRTIE'; did you mean 'WRITE'?; declare it under 'ops' in the format", name.getMessage());
    }

    @Test
    void aFormatDeclaresMoreNamesAndOpcodes() {
        DriverOps ops = DriverOps.STANDARD.with("0x1a", Op.OTHER).with("mode select", Op.OTHER).with("FLUSH", Op.OTHER);
        assertEquals(new DriverOps.Command(Op.OTHER, "0x1a"), ops.of("0x1A"));
        assertEquals(new DriverOps.Command(Op.OTHER, "MODE SELECT"), ops.of("MODE SELECT"));
        assertEquals(Op.OTHER, ops.of("flush").op(), "a declaration goes over the table");
        assertEquals(Op.FSYNC, DriverOps.STANDARD.of("flush").op(), "and leaves the standard table as it was");
    }
}
