package dev.orchestrate.verify;

import dev.orchestrate.data.StampedFile;
import dev.orchestrate.target.Placement;

/** A file that should be on the target: its content (as stamps), its name in reports, and where it was put. */
public record Expected(StampedFile file, String name, Placement placement) {
}
