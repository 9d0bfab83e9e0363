package dev.orchestrate.engine;

import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Suite;
import dev.orchestrate.suite.SuiteLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** Finds suite files in file, directory and classpath-resource selectors and builds the descriptor tree. */
final class Discovery {

    private final EngineDiscoveryRequest request;
    private final RunDescriptor engine;
    private final SuiteLoader loader;
    private final CellFilter filter;
    private final Set<Path> seen = new HashSet<>();
    /** The file of each suite added, by name: a suite's name is its workspace and its unique id. */
    private final Map<String, Path> names = new HashMap<>();

    Discovery(EngineDiscoveryRequest request, RunDescriptor engine) {
        this.request = request;
        this.engine = engine;
        this.filter = engine.config().filter();
        this.loader = engine.config().targetFile().map(f -> Catalog.loader().withTarget(f)).orElse(Catalog.loader());
    }

    void run() {
        request.getSelectorsByType(FileSelector.class).forEach(s -> file(s.getPath()));
        request.getSelectorsByType(DirectorySelector.class).forEach(s -> directory(s.getPath()));
        request.getSelectorsByType(ClasspathResourceSelector.class).forEach(this::resource);
    }

    static boolean isSuiteFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private void directory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(Discovery::isSuiteFile).sorted().forEach(this::file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list suites in " + dir, e);
        }
    }

    private void file(Path path) {
        if (!isSuiteFile(path) || !seen.add(path.toAbsolutePath().normalize())) {
            return;
        }
        try {
            Suite suite = loader.load(path);
            add(suite, at -> FileSource.from(path.toFile(), FilePosition.from(at.line(), at.column())));
        } catch (InvalidSuite e) {
            e.problems().forEach(p -> issue(p, FileSource.from(path.toFile(), FilePosition.from(p.at().line(), p.at().column()))));
        }
    }

    private void resource(ClasspathResourceSelector selector) {
        String name = selector.getClasspathResourceName();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = classLoader.getResourceAsStream(name.startsWith("/") ? name.substring(1) : name)) {
            if (in == null) {
                return;
            }
            Suite suite = loader.parse(Path.of(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            add(suite, at -> ClasspathResourceSource.from(name, FilePosition.from(at.line(), at.column())));
        } catch (InvalidSuite e) {
            e.problems().forEach(p -> issue(p, ClasspathResourceSource.from(name, FilePosition.from(p.at().line(), p.at().column()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite resource " + name, e);
        }
    }

    private void add(Suite suite, Function<Location, TestSource> source) {
        if (!filter.problemsWith(suite).isEmpty()) {
            filter.problemsWith(suite).forEach(p -> issue(new Problem(suite.at(), p), source.apply(suite.at())));
            return;
        }
        Path first = names.putIfAbsent(suite.name(), suite.file());
        if (first != null) {
            issue(new Problem(suite.at(), first + " has the suite name '" + suite.name() + "' already; the suites of one run need names"
                    + " of their own, as the name is a suite's workspace and id: rename one of them"), source.apply(suite.at()));
            return;
        }
        SuiteDescriptor container = new SuiteDescriptor(engine.getUniqueId(), suite, source.apply(suite.at()));
        List<CellDescriptor> cells = new ArrayList<>();
        for (Cell cell : engine.config().shard().cells(suite, filter)) {
            Location at = cell.axes().isEmpty() ? suite.at() : cell.axes().values().iterator().next().at();
            cells.add(new CellDescriptor(container.getUniqueId(), cell, source.apply(at)));
        }
        cells.forEach(container::addChild);
        engine.addChild(container);
    }

    private void issue(Problem problem, TestSource source) {
        request.getDiscoveryListener().issueEncountered(engine.getUniqueId(),
                DiscoveryIssue.builder(DiscoveryIssue.Severity.ERROR, problem.toString()).source(source).build());
    }
}
