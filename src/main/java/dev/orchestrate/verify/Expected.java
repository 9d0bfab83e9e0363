package dev.orchestrate.verify;

import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.ReadBack;

/** A file that should be on the target: its content (as stamps), its name in reports, and where to read it back. */
public record Expected(StampedFile file, String name, ReadBack readBack) {
}
