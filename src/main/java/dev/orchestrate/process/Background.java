package dev.orchestrate.process;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;
import org.zeroturnaround.exec.stream.LogOutputStream;

/**
 * A real process left running through zt-exec, its output and errors handed on line by line (and its
 * tail kept for the outcome); it is destroyed when this JVM exits, and dies of SIGPIPE at its next
 * line if this JVM is killed.
 */
final class Background implements Spawned {

    private static final int TAIL_BYTES = 16 * 1024;
    private static final Duration KILLED = Duration.ofSeconds(5);

    private final Command command;
    private final StartedProcess process;
    private final Future<ProcessResult> future;
    private final Tail tail;
    private final long started;

    private Background(Command command, StartedProcess process, Tail tail, long started) {
        this.command = command;
        this.process = process;
        this.future = process.getFuture();
        this.tail = tail;
        this.started = started;
    }

    static Background start(Command command, Consumer<String> lines) {
        Tail tail = new Tail(TAIL_BYTES);
        LogOutputStream out = new LogOutputStream() {
            @Override
            protected void processLine(String line) {
                for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
                    tail.write(b);
                }
                lines.accept(line);
            }
        };
        long started = System.nanoTime();
        try {
            return new Background(command, new ProcessExecutor().command(command.argv()).redirectErrorStream(true)
                    .redirectOutput(out).destroyOnExit().start(), tail, started);
        } catch (IOException e) {
            throw new RigBroken("cannot start '" + command.display() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Outcome> ended() {
        return future.isDone() ? Optional.of(outcome()) : Optional.empty();
    }

    @Override
    public Outcome stop() {
        if (!future.isDone()) {
            process.getProcess().destroy();
            try {
                future.get(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                process.getProcess().descendants().forEach(ProcessHandle::destroyForcibly);
                process.getProcess().destroyForcibly();
                wait(KILLED);
            } catch (ExecutionException e) {
                // the outcome below says what it did
            } catch (InterruptedException e) {
                process.getProcess().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        return outcome();
    }

    private void wait(Duration limit) {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // gone or not, the outcome below says what is known
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Outcome outcome() {
        int exit;
        try {
            exit = future.isDone() ? future.get().getExitValue() : -1;
        } catch (ExecutionException | InterruptedException e) {
            exit = -1;
        }
        return new Outcome(command, exit, Duration.ofNanos(System.nanoTime() - started), tail.toString());
    }
}
