/**
 * What a failed verdict means: the defects, declared once ({@link dev.orchestrate.diagnosis.Defect}),
 * the rules that name one from the evidence (the damaged ranges, the device's command log, the
 * cell's own steps) with their evidence counts, and the durability oracle that tells data the host
 * was promised from data it never asked to keep.
 */
package dev.orchestrate.diagnosis;
