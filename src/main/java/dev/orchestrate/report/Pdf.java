package dev.orchestrate.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Renders a self-contained XHTML page to PDF with openhtmltopdf (PDFBox underneath), so that the PDF
 * is the page as it prints and nobody lays out a PDF by hand. The PDF's standard fonts have no
 * glyphs beyond Latin-1 (an arrow, say); where the host has a Unicode font in a usual place, it
 * supplies those.
 */
public final class Pdf {

    /** The fonts tried, in order, for the characters the standard fonts lack: Debian's, Fedora's, macOS's. */
    private static final List<Path> FALLBACK_FONTS = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"), Path.of("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"));

    /** A paper size, for a page whose CSS names none. */
    public enum Paper {
        A4(210, 297), LETTER(215.9f, 279.4f);

        private final float width;
        private final float height;

        Paper(float width, float height) {
            this.width = width;
            this.height = height;
        }
    }

    /** The page could not be rendered or written; the message says why. */
    public static final class Unrendered extends Exception {
        Unrendered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Pdf() {
    }

    /** Writes {@code xhtml} (well-formed XML, its CSS and everything else inline) to {@code file} as a PDF on {@code paper}. */
    public static void render(String xhtml, Path file, Paper paper) throws Unrendered {
        // openhtmltopdf logs every CSS property it does not know through java.util.logging; a failure still throws
        XRLog.setLoggingEnabled(false);
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useDefaultPageSize(paper.width, paper.height, BaseRendererBuilder.PageSizeUnits.MM)
                    .withHtmlContent(xhtml, file.toAbsolutePath().getParent().toUri().toString()).toStream(out);
            FALLBACK_FONTS.stream().filter(Files::isRegularFile).findFirst().ifPresent(font -> builder.useFont(font.toFile(), "fallback",
                    400, BaseRendererBuilder.FontStyle.NORMAL, true, EnumSet.of(BaseRendererBuilder.FSFontUseCase.FALLBACK_FINAL)));
            builder.run();
        } catch (Exception e) {
            throw new Unrendered(file + ": the PDF cannot be rendered: " + e, e);
        }
    }
}
