package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><title>Release sign-off: nightly</title>
            <style>@page { margin: 10mm; } td.bad { background: #e53935; color: #fff; }</style></head>
            <body><h1>Release sign-off: nightly</h1>
            <table><tr><td class="bad">failed</td><td>IOMaximumByteCountWrite: 524288 → 1048576</td></tr></table>
            </body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void aPageBecomesAPdfWithItsTextAndTitle() throws Exception {
        Path file = dir.resolve("page.pdf");
        Pdf.render(PAGE, file, Pdf.Paper.LETTER);
        assertTrue(new String(Files.readAllBytes(file), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Release sign-off: nightly"), text);
            assertTrue(text.contains("failed"), text);
            assertEquals("Release sign-off: nightly", pdf.getDocumentInformation().getTitle());
            assertEquals(612, Math.round(pdf.getPage(0).getMediaBox().getWidth()), "Letter is 8.5 in wide");
        }
    }

    @Test
    void aPageThatIsNotWellFormedCannotBeRendered() {
        Pdf.Unrendered e = assertThrows(Pdf.Unrendered.class,
                () -> Pdf.render("<html><body><p>open", dir.resolve("bad.pdf"), Pdf.Paper.A4));
        assertTrue(e.getMessage().contains("bad.pdf: the PDF cannot be rendered"), e.getMessage());
    }

    @Test
    void aFileThatCannotBeWrittenCannotBeRendered() throws IOException {
        Path taken = Files.createDirectory(dir.resolve("taken.pdf"));
        assertThrows(Pdf.Unrendered.class, () -> Pdf.render(PAGE, taken, Pdf.Paper.A4));
    }
}
