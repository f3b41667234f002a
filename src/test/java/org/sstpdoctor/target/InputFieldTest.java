package org.sstpdoctor.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sstpdoctor.probe.TrustStores;

/** One name per input: the engine's problem names the field the wizard marks. */
class InputFieldTest {
    @TempDir
    Path temp;

    @Test
    void aCaFileThatIsNotACertificateNamesTheTrustedCaFileField() throws IOException {
        Path notACertificate = temp.resolve("notes.pem");
        Files.writeString(notACertificate, "this is not a certificate\n");
        InputException e = assertThrows(InputException.class, () -> TrustStores.readCertificates(notACertificate));
        assertEquals(InputField.TRUSTED_CA_FILE, e.field(), e.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> TrustStores.readCertificates(temp.resolve("missing.pem")));
        assertEquals(InputField.TRUSTED_CA_FILE, missing.field());
    }

    @Test
    void labelsAreTheWordsOfTheMessages() {
        assertEquals("proxy port", InputField.PROXY_PORT.label());
        assertEquals(InputField.PROXY_USER, InputField.fromLabel("proxy user"));
        assertEquals(InputField.TRUSTED_CA_FILE, InputField.fromLabel("trust file"), "the old name");
        assertEquals(InputField.OTHER, InputField.fromLabel("something else"));
    }
}
