package org.sstpdoctor.settings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.sstpdoctor.probe.ProxyMode;

/**
 * The settings file's spelling of a {@link ProxyMode}: its lower-case id, as the file has always
 * held it. Reading is lenient, as the rest of the file is: a value that is no mode (a hand edit,
 * a later version's mode) reads as null, which {@link Settings} turns into its default, instead of
 * throwing the whole file away.
 */
final class ProxyModeJson {
    private ProxyModeJson() {
    }

    /** The mode with this id, ignoring case and surrounding space; null if there is none. */
    static ProxyMode parse(String id) {
        String normal = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(ProxyMode.values()).filter(m -> m.id().equals(normal)).findFirst().orElse(null);
    }

    static final class Writer extends JsonSerializer<ProxyMode> {
        @Override
        public void serialize(ProxyMode mode, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(mode.id());
        }
    }

    static final class Reader extends JsonDeserializer<ProxyMode> {
        @Override
        public ProxyMode deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return in.currentToken().isScalarValue() ? parse(in.getValueAsString()) : skip(in);
        }

        private static ProxyMode skip(JsonParser in) throws IOException {
            in.skipChildren(); // an object or array where a mode belongs: not a mode
            return null;
        }
    }
}
