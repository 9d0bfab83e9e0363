package dev.orchestrate.host;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Processes;
import dev.orchestrate.trace.BlockEvent;
import dev.orchestrate.trace.BlockLog;
import dev.orchestrate.trace.TraceWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Records every request a block device's driver is given, into the command log: the kernel's block
 * tracepoints ({@code block_rq_issue}, {@code block_rq_complete}) in a tracefs instance of its own,
 * filtered to the device, read as they happen from its {@code trace_pipe}. These are the events
 * blktrace records; blktrace reads them through debugfs, which a kernel in lockdown refuses
 * ("Lockdown: blktrace: debugfs access is restricted", measured here), while tracefs is allowed.
 * Step marks go through the instance's {@code trace_marker}, so they fall among the requests in
 * the kernel's own order and on its clock, which is {@link System#nanoTime()}'s.
 */
public final class BlockTrace implements AutoCloseable {

    static final Path TRACEFS = Path.of("/sys/kernel/tracing");
    private static final String PREFIX = "orchestrate-";
    private static final Pattern STALE = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");
    private static final Pattern LOST = Pattern.compile("^(?:overrun|dropped events): (\\d+)$");
    private static final List<String> EVENTS = List.of("block_rq_issue", "block_rq_complete");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Per CPU; the pipe is read as it fills, so this only has to hold a burst. */
    private static final int BUFFER_KIB = 16 * 1024;

    private final String device;
    private final Path instance;
    private final Object lock = new Object();
    private final BlockLog log;
    private final Thread reader;
    private String lastMark = "";
    private Throwable failure;
    private int syncs;

    private BlockTrace(String device, Path instance, TraceWriter out) {
        this.device = device;
        this.instance = instance;
        this.log = new BlockLog(out);
        this.reader = Thread.ofPlatform().daemon().name("block-trace-" + instance.getFileName()).unstarted(this::read);
    }

    /** Why this host cannot record a block device's requests, if it cannot. */
    public static Optional<String> unavailable() {
        if (Platform.current() != Platform.LINUX) {
            return Optional.of("block tracing needs Linux's tracefs");
        }
        if (!HostCheck.root()) {
            return Optional.of("block tracing needs root (tracefs)");
        }
        if (!Files.isDirectory(TRACEFS.resolve("instances")) && !mountTracefs()) {
            return Optional.of("tracefs is not mounted at " + TRACEFS + " and could not be: mount -t tracefs nodev " + TRACEFS);
        }
        if (!Files.isDirectory(TRACEFS.resolve("events/block/block_rq_issue"))) {
            return Optional.of("this kernel has no block tracepoints (CONFIG_BLK_DEV_IO_TRACE)");
        }
        return Optional.empty();
    }

    /** Starts recording {@code device} (e.g. /dev/loop3) into {@code out}; the trace is running when this returns. */
    public static BlockTrace start(String device, TraceWriter out) {
        unavailable().ifPresent(reason -> {
            throw new RigBroken("cannot record the block requests of " + device + ": " + reason);
        });
        sweep();
        Path instance = TRACEFS.resolve("instances").resolve(PREFIX + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet());
        BlockTrace trace = new BlockTrace(device, instance, out);
        try {
            Files.createDirectory(instance);
            write(instance.resolve("buffer_size_kb"), Integer.toString(BUFFER_KIB));
            write(instance.resolve("buffer_percent"), "0");
            write(instance.resolve("trace_clock"), "mono");
            String filter = "dev == " + devT(device);
            for (String event : EVENTS) {
                write(instance.resolve("events/block").resolve(event).resolve("filter"), filter);
                write(instance.resolve("events/block").resolve(event).resolve("enable"), "1");
            }
        } catch (IOException | RuntimeException e) {
            trace.remove();
            throw new RigBroken("cannot set up the block trace of " + device + " in " + instance + ": " + e.getMessage(), e);
        }
        trace.reader.start();
        trace.sync();
        return trace;
    }

    /** Marks that a step begins: the requests after the mark belong to it. */
    public void mark(String title) {
        marker(BlockLog.STEP + title.replace('\n', ' '));
    }

    /** Returns once every request traced so far is in the command log (those still in flight follow when they complete). */
    public void sync() {
        String mark;
        synchronized (lock) {
            mark = "orchestrate sync " + ++syncs;
        }
        marker(mark);
        await(mark);
    }

    /** Stops the trace, writes what is left and removes the instance; a trace that lost events broke the rig. */
    @Override
    public void close() {
        RuntimeException failed = null;
        try {
            for (String event : EVENTS) {
                write(instance.resolve("events/block").resolve(event).resolve("enable"), "0");
            }
            String end = "orchestrate end";
            marker(end);
            await(end);
            long lost = lost();
            if (lost > 0) {
                failed = new RigBroken("the block trace of " + device + " lost " + lost + " events (its buffer of " + BUFFER_KIB
                        + " KiB per CPU overflowed before it was read): the command log is incomplete");
            }
        } catch (IOException | RuntimeException e) {
            failed = e instanceof RuntimeException r ? r
                    : new RigBroken("cannot stop the block trace of " + device + ": " + e.getMessage(), e);
        } finally {
            synchronized (lock) {
                log.drain();
            }
            // the reader closes the pipe as it returns: the instance cannot be removed while it is open
            join();
            remove();
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void read() {
        try (BufferedReader pipe = Files.newBufferedReader(instance.resolve("trace_pipe"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = pipe.readLine()) != null) {
                Optional<BlockEvent> event = BlockEvent.parse(line);
                if (event.isEmpty()) {
                    continue;
                }
                synchronized (lock) {
                    Optional<String> mark = log.accept(event.get());
                    if (mark.isPresent()) {
                        lastMark = mark.get();
                        lock.notifyAll();
                        if (lastMark.equals("orchestrate end")) {
                            return;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                failure = e;
                lock.notifyAll();
            }
        }
    }

    private void join() {
        try {
            reader.join(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void await(String mark) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            while (!lastMark.equals(mark)) {
                if (failure != null) {
                    throw new RigBroken("the block trace of " + device + " could not be read: " + failure.getMessage(), failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RigBroken("the block trace of " + device + " did not deliver its mark '" + mark + "' within "
                            + WAIT.toSeconds() + " s");
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RigBroken("interrupted while waiting for the block trace of " + device, e);
                }
            }
        }
    }

    private void marker(String text) {
        try {
            write(instance.resolve("trace_marker"), text);
        } catch (IOException e) {
            throw new RigBroken("cannot write a mark into the block trace of " + device + ": " + e.getMessage(), e);
        }
    }

    /** Events the kernel overwrote or dropped before the pipe read them, over all CPUs. */
    private long lost() throws IOException {
        long lost = 0;
        try (Stream<Path> cpus = Files.list(instance.resolve("per_cpu"))) {
            for (Path cpu : cpus.toList()) {
                for (String line : Files.readAllLines(cpu.resolve("stats"))) {
                    Matcher m = LOST.matcher(line.strip());
                    if (m.matches()) {
                        lost += Long.parseLong(m.group(1));
                    }
                }
            }
        }
        return lost;
    }

    private void remove() {
        try {
            Files.deleteIfExists(instance);
        } catch (IOException e) {
            throw new RigBroken("cannot remove the tracefs instance " + instance + ": " + e.getMessage(), e);
        }
    }

    /** Removes the instances of runs that were killed before they could: their events would fill memory for nothing. */
    private static void sweep() {
        try (Stream<Path> instances = Files.list(TRACEFS.resolve("instances"))) {
            for (Path stale : instances.toList()) {
                Matcher m = STALE.matcher(stale.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException e) {
            throw new RigBroken("cannot remove what killed runs left in " + TRACEFS.resolve("instances") + ": " + e.getMessage(), e);
        }
    }

    /** The kernel's dev_t of a block device, as the tracepoints' filter compares it (major << 20 | minor). */
    private static long devT(String device) throws IOException {
        String name = Path.of(device).toRealPath().getFileName().toString();
        String[] majorMinor = Files.readString(Path.of("/sys/class/block").resolve(name).resolve("dev")).strip().split(":");
        return (Long.parseLong(majorMinor[0]) << 20) | Long.parseLong(majorMinor[1]);
    }

    /** Mounts tracefs where the kernel documents it, as systemd does at boot; it is left mounted for the host's other tracers. */
    private static boolean mountTracefs() {
        return Processes.run(Command.of(Duration.ofSeconds(10), "mount", "-t", "tracefs", "nodev", TRACEFS.toString())).succeeded();
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value);
    }
}
