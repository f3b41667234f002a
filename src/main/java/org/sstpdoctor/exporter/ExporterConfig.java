package org.sstpdoctor.exporter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exporter's whole configuration: its modules and which targets it may probe.
 *
 * @param source the file it came from, or null for the built-in default
 * @param modules by name, in the file's order
 * @param policy which targets may be probed (default: any)
 * @param maxConcurrentProbes how many probes may run at once; further requests wait, then get 503
 */
public record ExporterConfig(Path source, Map<String, ModuleConfig> modules, TargetPolicy policy,
                             int maxConcurrentProbes) {
    public static final int DEFAULT_MAX_CONCURRENT = 16;
    public static final int MAX_CONCURRENT_LIMIT = 256;

    public ExporterConfig {
        modules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    public static ExporterConfig builtIn() {
        return new ExporterConfig(null, Map.of("default", ModuleConfig.defaultModule()), TargetPolicy.ANY,
                DEFAULT_MAX_CONCURRENT);
    }

    public Optional<ModuleConfig> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }
}
