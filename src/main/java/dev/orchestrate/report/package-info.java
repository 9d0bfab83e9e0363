/**
 * Reports render, never judge: the Allure bridge that turns the engine's report entries into Allure
 * steps and attachments, the pieces of the results directory Allure reads besides test results
 * (categories, environment, the executor, history), the offline HTML generation, and text renderings such as hex diffs.
 */
package dev.orchestrate.report;
