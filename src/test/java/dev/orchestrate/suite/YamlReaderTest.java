package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void keepsLineAndColumnOfKeysAndValues() throws InvalidSuite {
        Node root = YamlReader.read("x.yaml", "name: demo\nmatrix:\n  tool: [cp, dd]\nsteps:\n  - sync\n  - copy:\n      tool: cp\n");
        Node.Mapping top = assertInstanceOf(Node.Mapping.class, root);
        Node.Entry matrix = top.entries().get("matrix");
        assertEquals(new Location("x.yaml", 2, 1), matrix.keyAt());
        Node.Mapping axes = assertInstanceOf(Node.Mapping.class, matrix.value());
        Node.Sequence tools = assertInstanceOf(Node.Sequence.class, axes.entries().get("tool").value());
        assertEquals(new Location("x.yaml", 3, 14), tools.items().get(1).at());
        Node.Sequence steps = assertInstanceOf(Node.Sequence.class, top.entries().get("steps").value());
        Node.Mapping copy = assertInstanceOf(Node.Mapping.class, steps.items().get(1));
        Node.Mapping options = assertInstanceOf(Node.Mapping.class, copy.entries().get("copy").value());
        assertEquals(7, options.entries().get("tool").keyAt().line());
        assertEquals(7, options.entries().get("tool").keyAt().column());
    }

    @Test
    void emptyValueIsANullScalar() throws InvalidSuite {
        Node.Mapping top = (Node.Mapping) YamlReader.read("x.yaml", "description:\nname: a\n");
        assertNull(((Node.Scalar) top.entries().get("description").value()).text());
    }

    @Test
    void duplicateKeysAreErrors() {
        InvalidSuite e = assertThrows(InvalidSuite.class, () -> YamlReader.read("x.yaml", "name: a\nname: b\n"));
        assertEquals("x.yaml:2:1: duplicate key 'name' (first at line 1)", e.problems().getFirst().toString());
    }

    @Test
    void syntaxErrorsHaveALocation() {
        InvalidSuite e = assertThrows(InvalidSuite.class, () -> YamlReader.read("x.yaml", "name: a\nsteps: [sync\n"));
        assertTrue(e.problems().getFirst().toString().startsWith("x.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }
}
