package dev.orchestrate.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns the engine's {@link Entries} into Allure steps, attachments, labels and parameters on the
 * test case that allure-junit-platform has started for the cell. Runs on the engine's thread, where
 * Allure keeps the current test case.
 */
public final class AllureBridge implements TestExecutionListener {

    private final AllureLifecycle lifecycle;
    private final Deque<String> openSteps = new ArrayDeque<>();

    public AllureBridge(AllureLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        Map<String, String> e = entry.getKeyValuePairs();
        if (e.containsKey(Entries.STEP)) {
            step(e);
        } else if (e.containsKey(Entries.ATTACHMENT)) {
            attach(e.get(Entries.ATTACHMENT), e.get(Entries.TYPE), Path.of(e.get(Entries.PATH)));
        } else if (e.containsKey(Entries.LABEL)) {
            label(e.get(Entries.LABEL), e.get(Entries.VALUE));
        } else if (e.containsKey(Entries.PARAMETER)) {
            lifecycle.updateTestCase(r -> r.getParameters().add(new Parameter().setName(e.get(Entries.PARAMETER))
                    .setValue(e.get(Entries.VALUE))));
        } else if (e.containsKey(Entries.DESCRIPTION)) {
            lifecycle.updateTestCase(r -> r.setDescription(e.get(Entries.DESCRIPTION)));
        }
    }

    /** A label; the station's also joins the test case's history id, so each station's cell keeps a history of its own. */
    private void label(String name, String value) {
        lifecycle.updateTestCase(r -> {
            r.getLabels().add(new Label().setName(name).setValue(value));
            if (name.equals(HistoryId.STATION)) {
                r.setHistoryId(HistoryId.of(r.getTestCaseId(), value));
            }
        });
    }

    private void step(Map<String, String> e) {
        if ("start".equals(e.get(Entries.EVENT))) {
            String uuid = UUID.randomUUID().toString();
            lifecycle.startStep(uuid, new StepResult().setName(e.get(Entries.STEP)));
            openSteps.push(uuid);
        } else if (!openSteps.isEmpty()) {
            Status status = Status.fromValue(e.get(Entries.STATUS));
            String uuid = openSteps.pop();
            lifecycle.updateStep(uuid, s -> s.setStatus(status));
            lifecycle.stopStep(uuid);
        }
    }

    private void attach(String name, String type, Path file) {
        try {
            String name0 = file.getFileName().toString();
            String extension = name0.contains(".") ? name0.substring(name0.lastIndexOf('.')) : "";
            lifecycle.addAttachment(name, type, extension, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot attach " + file, e);
        }
    }
}
