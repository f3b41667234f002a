package org.sstpdoctor.exporter;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** The exporter's own health, on {@code /metrics}: what it did, what it refused, how loaded it is. */
final class ExporterMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter probes = Counter.builder().name("sstp_exporter_probes_total")
            .help("Probes run, by module and result (success or failure)").labelNames("module", "result").register(registry);
    private final Counter rejected = Counter.builder().name("sstp_exporter_requests_rejected_total")
            .help("Probe requests refused: bad_request, unknown_module, not_allowed, busy").labelNames("reason").register(registry);
    private final Gauge reloadOk = Gauge.builder().name("sstp_exporter_config_last_reload_successful")
            .help("Whether the last configuration load succeeded").register(registry);
    private final Gauge reloadTime = Gauge.builder().name("sstp_exporter_config_last_reload_success_timestamp_seconds")
            .help("When the configuration was last loaded successfully, Unix seconds").register(registry);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger inFlightMax = new AtomicInteger();

    ExporterMetrics(IntSupplier recentCount, IntSupplier concurrencyLimit) {
        GaugeWithCallback.builder().name("sstp_exporter_probes_in_flight").help("Probes running now")
                .callback(cb -> cb.call(inFlight.get())).register(registry);
        GaugeWithCallback.builder().name("sstp_exporter_probes_in_flight_max")
                .help("The most probes that ran at once since the exporter started")
                .callback(cb -> cb.call(inFlightMax.get())).register(registry);
        GaugeWithCallback.builder().name("sstp_exporter_max_concurrent_probes")
                .help("The configured limit on probes at once").callback(cb -> cb.call(concurrencyLimit.getAsInt()))
                .register(registry);
        GaugeWithCallback.builder().name("sstp_exporter_recent_reports").help("Reports kept for the status page")
                .callback(cb -> cb.call(recentCount.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("sstp_exporter_heap_used_bytes").help("Java heap in use, bytes")
                .callback(cb -> {
                    Runtime rt = Runtime.getRuntime();
                    cb.call(rt.totalMemory() - rt.freeMemory());
                }).register(registry);
    }

    void probeStarted() {
        int now = inFlight.incrementAndGet();
        inFlightMax.accumulateAndGet(now, Math::max);
    }

    void probeEnded() {
        inFlight.decrementAndGet();
    }

    void probeCounted(String module, boolean success) {
        probes.labelValues(module, success ? "success" : "failure").inc();
    }

    void rejected(String reason) {
        rejected.labelValues(reason).inc();
    }

    void configLoaded(boolean ok) {
        reloadOk.set(ok ? 1 : 0);
        if (ok) {
            reloadTime.set(System.currentTimeMillis() / 1000.0);
        }
    }

    int inFlightMax() {
        return inFlightMax.get();
    }

    MetricSnapshots scrape() {
        return registry.scrape();
    }
}
