package org.sstpdoctor.installers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The READMEs name the installers' files as installers/build.sh names them for this pom's version, and
 * the installers README's figures are the table installers/measured-here.sh writes, not typed ones.
 */
class InstallerDocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static String pomVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>sstp-doctor</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find(), "the project's version in pom.xml");
        return m.group(1);
    }

    @Test
    void theReadmesNameTheDebAndTheAppImageForThisVersion() throws Exception {
        String version = pomVersion();
        // build.sh: the .deb carries the version's numbers only (jpackage's rule), the .tar.gz the pom's version.
        String numbers = version.replaceFirst("-.*$", "");
        List<String> wrong = new ArrayList<>();
        for (String readme : List.of("README.md", "installers/README.md")) {
            String text = Files.readString(ROOT.resolve(readme));
            Matcher deb = Pattern.compile("sstp-doctor_([0-9][0-9.]*)-1_[a-z0-9]+\\.deb").matcher(text);
            while (deb.find()) {
                if (!deb.group(1).equals(numbers)) {
                    wrong.add(readme + ": " + deb.group());
                }
            }
            Matcher tar = Pattern.compile("sstp-doctor-([0-9][^ `/]*?)-linux-[a-z0-9]+\\.tar\\.gz").matcher(text);
            while (tar.find()) {
                if (!tar.group(1).equals(version)) {
                    wrong.add(readme + ": " + tar.group());
                }
            }
        }
        assertEquals(List.of(), wrong, "file names for version " + version + " (installers/measured-here.sh --update fixes them)");
    }

    @Test
    void theMeasuredFiguresAreTheScriptsTable() throws Exception {
        String text = Files.readString(ROOT.resolve("installers/README.md"));
        int begin = text.indexOf("<!-- measured-here:begin");
        int end = text.indexOf("<!-- measured-here:end -->");
        assertTrue(begin >= 0 && end > begin, "the measured-here markers");
        assertTrue(text.substring(begin, end).contains("written by installers/measured-here.sh"),
                "the table between the markers comes from installers/measured-here.sh --update");
        // No size typed outside the table: the figures live in one place.
        String outside = text.substring(0, begin) + text.substring(end);
        assertFalse(Pattern.compile("\\d{2},\\d{3} KiB").matcher(outside).find(), "a size in KiB outside the table");
        assertFalse(Pattern.compile("\\d{2},\\d{3} KiB").matcher(Files.readString(ROOT.resolve("README.md"))).find(),
                "a size in KiB in the main README (it points at installers/README.md)");
    }
}
