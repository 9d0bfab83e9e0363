/**
 * The suite: a YAML file naming a target, a matrix of axes and the steps of one cell. This package
 * reads it with line and column kept for every value, checks it against the declared keys, and
 * expands the matrix into cells whose step options have their {@code ${axis}} references resolved,
 * each with the verdict the suite's {@code expect} section says it should have, if it says one.
 */
package dev.orchestrate.suite;
