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

    @Test
    void anAliasIsTheAnchoredValueWhereItWasWritten() throws InvalidSuite {
        Node.Mapping top = (Node.Mapping) YamlReader.read("x.yaml", "tools:\n  dd: &dd {tool: dd, block-size: 1MiB}\n  dd-copy: *dd\n");
        Node.Mapping tools = (Node.Mapping) top.entries().get("tools").value();
        Node copy = tools.entries().get("dd-copy").value();
        assertEquals(tools.entries().get("dd").value(), copy);
        assertEquals(new Location("x.yaml", 2, 7), copy.at());
    }

    @Test
    void aMergeKeyAddsWhatTheMappingDoesNotSayItself() throws InvalidSuite {
        Node.Mapping top = (Node.Mapping) YamlReader.read("x.yaml",
                "tools:\n  dd: &dd {tool: dd, block-size: 1MiB}\n  dd-direct:\n    <<: *dd\n    block-size: 4MiB\n    oflag: direct\n");
        Node.Mapping tools = (Node.Mapping) top.entries().get("tools").value();
        Node.Mapping direct = (Node.Mapping) tools.entries().get("dd-direct").value();
        assertEquals("dd", ((Node.Scalar) direct.entries().get("tool").value()).text());
        assertEquals("4MiB", ((Node.Scalar) direct.entries().get("block-size").value()).text(), "its own key wins");
        assertEquals(new Location("x.yaml", 5, 5), direct.entries().get("block-size").keyAt());
        assertEquals(new Location("x.yaml", 2, 12), direct.entries().get("tool").keyAt(), "a merged key is where it was written");
        assertTrue(!direct.entries().containsKey("<<"));
    }

    @Test
    void anAliasWithoutAnAnchorOrAMergeOfAScalarIsAnError() {
        InvalidSuite unknown = assertThrows(InvalidSuite.class, () -> YamlReader.read("x.yaml", "tools:\n  dd-copy: *dd\n"));
        assertTrue(unknown.getMessage().startsWith("x.yaml:2:12: alias *dd names no anchored mapping or list before it"),
                unknown.getMessage());
        InvalidSuite list = assertThrows(InvalidSuite.class, () -> YamlReader.read("x.yaml", "a: &a [1, 2]\nb:\n  <<: *a\n"));
        assertTrue(list.getMessage().contains("'<<' merges a mapping (e.g. '<<: *dd'), not a value"), list.getMessage());
    }
}
