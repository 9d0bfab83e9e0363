package dev.orchestrate.device;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the XML property lists that diskutil, ioreg and hdiutil print into plain Java values: dict →
 * {@code Map<String, Object>} (in file order), array → {@code List<Object>}, string → String, integer →
 * Long (unsigned 64-bit values such as an all-ones alignment mask keep their bits), real → Double,
 * true/false → Boolean, data → byte[], date → Instant. Every plist names Apple's DTD by URL; it is
 * never fetched. Bad input is a {@link RigBroken} naming the source, line and column.
 */
public final class PropertyList {

    private static final XMLInputFactory FACTORY = factory();

    private PropertyList() {
    }

    public static Object read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new RigBroken("cannot read property list " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code source} names where {@code text} came from (a file, or the command that printed it) in errors. */
    public static Object parse(String text, String source) {
        if (text.isBlank()) {
            throw new RigBroken(source + ": empty output where a property list was expected; "
                    + "run the command by hand to see what it printed");
        }
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(new StringReader(text));
            Reader reader = new Reader(xml, source);
            reader.startOf("plist");
            Object value = reader.value(reader.nextStart());
            reader.endOf("plist");
            return value;
        } catch (Problem e) {
            throw new RigBroken(at(source, e.getLocation()) + ": " + e.what, e);
        } catch (XMLStreamException e) {
            throw new RigBroken(at(source, e.getLocation()) + ": not a well-formed property list: " + clean(e.getMessage())
                    + "; the output may be truncated (a command killed or timed out) or not XML at all", e);
        } finally {
            close(xml);
        }
    }

    private static final class Reader {
        private final XMLStreamReader xml;
        private final String source;

        Reader(XMLStreamReader xml, String source) {
            this.xml = xml;
            this.source = source;
        }

        void startOf(String name) throws XMLStreamException {
            String found = nextStart();
            if (!found.equals(name)) {
                throw problem("expected <" + name + "> but found <" + found + ">");
            }
        }

        void endOf(String name) throws XMLStreamException {
            int event = next();
            if (event != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals(name)) {
                throw problem("expected </" + name + "> after the top-level value");
            }
        }

        /** The next start tag's name, skipping whitespace, comments and the DOCTYPE. */
        String nextStart() throws XMLStreamException {
            int event = next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                throw problem(event == XMLStreamConstants.END_DOCUMENT ? "the property list ends early (truncated output)"
                        : "expected a value, found " + describe(event));
            }
            return xml.getLocalName();
        }

        Object value(String tag) throws XMLStreamException {
            return switch (tag) {
                case "dict" -> dict();
                case "array" -> array();
                case "string" -> xml.getElementText();
                case "integer" -> integer(xml.getElementText().strip());
                case "real" -> real(xml.getElementText().strip());
                case "true", "false" -> {
                    xml.getElementText();
                    yield tag.equals("true");
                }
                case "data" -> data(xml.getElementText());
                case "date" -> date(xml.getElementText().strip());
                default -> throw problem("unknown property list element <" + tag + ">");
            };
        }

        private Map<String, Object> dict() throws XMLStreamException {
            Map<String, Object> entries = new LinkedHashMap<>();
            while (next() == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals("key")) {
                    throw problem("expected <key> in <dict>, found <" + xml.getLocalName() + ">");
                }
                String key = xml.getElementText();
                if (next() != XMLStreamConstants.START_ELEMENT || xml.getLocalName().equals("key")) {
                    throw problem("key '" + key + "' has no value");
                }
                if (entries.put(key, value(xml.getLocalName())) != null) {
                    throw problem("key '" + key + "' appears twice in one <dict>");
                }
            }
            requireEnd("dict");
            return entries;
        }

        private List<Object> array() throws XMLStreamException {
            List<Object> items = new ArrayList<>();
            while (next() == XMLStreamConstants.START_ELEMENT) {
                items.add(value(xml.getLocalName()));
            }
            requireEnd("array");
            return items;
        }

        private void requireEnd(String name) throws XMLStreamException {
            if (xml.getEventType() != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals(name)) {
                throw problem("<" + name + "> is not closed (truncated output)");
            }
        }

        private Long integer(String text) throws XMLStreamException {
            try {
                return text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
            } catch (NumberFormatException e) {
                throw problem("<integer> holds '" + text + "', not a 64-bit integer");
            }
        }

        private Double real(String text) throws XMLStreamException {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw problem("<real> holds '" + text + "', not a number");
            }
        }

        private byte[] data(String text) throws XMLStreamException {
            try {
                return Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw problem("<data> is not base64: " + e.getMessage());
            }
        }

        private Instant date(String text) throws XMLStreamException {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw problem("<date> holds '" + text + "', not an ISO 8601 UTC time");
            }
        }

        /** The next event that matters: elements and the end of the document. */
        private int next() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
                        return event;
                    }
                    case XMLStreamConstants.CHARACTERS -> {
                        if (!xml.isWhiteSpace()) {
                            throw problem("unexpected text '" + xml.getText().strip() + "'");
                        }
                    }
                    default -> { }
                }
            }
            return XMLStreamConstants.END_DOCUMENT;
        }

        private String describe(int event) {
            return event == XMLStreamConstants.END_ELEMENT ? "</" + xml.getLocalName() + ">" : "XML event " + event;
        }

        private Problem problem(String what) {
            return new Problem(what, xml.getLocation());
        }
    }

    /** Well-formed XML that is not a property list. */
    private static final class Problem extends XMLStreamException {
        private final String what;

        Problem(String what, Location location) {
            super(what, location);
            this.what = what;
        }
    }

    private static String at(String source, Location location) {
        return location == null || location.getLineNumber() < 0 ? source
                : source + ":" + location.getLineNumber() + ":" + location.getColumnNumber();
    }

    /** The JDK prefixes its own position ("ParseError at [row,col]:[2,3]\nMessage: ..."); the source:line:col already says it. */
    private static String clean(String message) {
        int at = message.indexOf("Message: ");
        return at < 0 ? message : message.substring(at + "Message: ".length());
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open: the reader reads a String
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // the DOCTYPE names http://www.apple.com/DTDs/PropertyList-1.0.dtd: never load it, never expand entities
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
