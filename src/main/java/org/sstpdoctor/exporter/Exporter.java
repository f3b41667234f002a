package org.sstpdoctor.exporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.sstpdoctor.kb.Resolution;
import org.sstpdoctor.report.HtmlReport;

/**
 * The Prometheus exporter: an HTTP server on the JDK's own {@code HttpServer} with
 * {@code /probe}, {@code /metrics}, {@code /} (status page), {@code /report?id=N},
 * {@code /-/reload} and {@code /-/healthy}. Every resource is bounded: request threads, probes at
 * once, name lookups, the reports kept, and the time each request may take.
 */
public final class Exporter implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<ExporterConfig> config;
    private final AtomicReference<String> reloadProblem = new AtomicReference<>();
    private final ExporterEnvironment environment;
    private final RecentProbes recent = new RecentProbes();
    private final ExporterMetrics metrics;
    private final Semaphore permits;
    private final RequestExecutor requests;
    private final ThreadPoolExecutor lookups;
    private final ScheduledExecutorService deadlines;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private Exporter(InetSocketAddress listen, ExporterConfig initial, ExporterEnvironment environment) throws IOException {
        // A client that sends its request slowly must not hold a thread for ever (the JDK's default is no limit).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "15");
        }
        this.config = new AtomicReference<>(initial);
        this.environment = environment;
        // The probe limit is fixed at start: the permits are the limit, and a reload cannot resize them safely.
        this.permits = new Semaphore(initial.maxConcurrentProbes(), true);
        this.metrics = new ExporterMetrics(recent::size, initial::maxConcurrentProbes);
        this.metrics.configLoaded(true);
        this.lookups = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                daemon("sstp-exporter-lookup"));
        this.lookups.allowCoreThreadTimeOut(true);
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("sstp-exporter-deadline"));
        this.requests = new RequestExecutor(initial.maxConcurrentProbes() + 4, 4 * initial.maxConcurrentProbes() + 16);
        ProbeEndpoint probe = new ProbeEndpoint(config::get, environment,
                new TargetAdmission(environment.resolver(), lookups), permits, metrics, recent, deadlines);
        this.server = HttpServer.create(listen, 64);
        server.setExecutor(requests);
        server.createContext("/", exchange -> guarded(exchange, () -> route(exchange, probe)));
        server.start();
    }

    /** Starts the exporter; it serves until {@link #close()}. */
    public static Exporter start(InetSocketAddress listen, ExporterConfig config, ExporterEnvironment environment)
            throws IOException {
        return new Exporter(listen, config, environment);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public ExporterConfig config() {
        return config.get();
    }

    /** Reads the configuration file again; on a problem the old configuration stays and the problem is returned. */
    public Optional<String> reload() {
        ExporterConfig current = config.get();
        if (current.source() == null) {
            return Optional.of("no configuration file was given at start (--config), so there is nothing to reload");
        }
        try {
            ExporterConfig fresh = ConfigLoader.load(current.source());
            if (fresh.maxConcurrentProbes() != current.maxConcurrentProbes()) {
                fresh = new ExporterConfig(fresh.source(), fresh.modules(), fresh.policy(), current.maxConcurrentProbes());
            }
            config.set(fresh);
            reloadProblem.set(null);
            metrics.configLoaded(true);
            return Optional.empty();
        } catch (ConfigException e) {
            reloadProblem.set(e.getMessage());
            metrics.configLoaded(false);
            return Optional.of(e.getMessage());
        }
    }

    /** The most probes that ran at once since start (the flood test reads it). */
    int probesInFlightMax() {
        return metrics.inFlightMax();
    }

    private void route(HttpExchange exchange, ProbeEndpoint probe) throws IOException {
        if (RequestExecutor.overloaded()) {
            metrics.rejected("busy");
            HttpReplies.text(exchange, 503, "the exporter is overloaded; try again later");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        switch (path) {
            case "/probe" -> {
                if (read) {
                    probe.handle(exchange);
                } else {
                    HttpReplies.text(exchange, 405, "use GET for /probe");
                }
            }
            case "/metrics" -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
                writer.write(body, metrics.scrape());
                HttpReplies.send(exchange, 200, writer.getContentType(), body.toByteArray());
            }
            case "/" -> HttpReplies.send(exchange, 200, HttpReplies.HTML, StatusPage.render(config.get(), recent,
                    reloadProblem.get(), ZoneId.systemDefault()).getBytes(StandardCharsets.UTF_8));
            case "/report" -> report(exchange);
            case "/-/healthy" -> HttpReplies.text(exchange, 200, "Healthy");
            case "/-/reload" -> {
                if (!"POST".equals(method)) {
                    HttpReplies.text(exchange, 405, "use POST to reload the configuration");
                    return;
                }
                Optional<String> problem = reload();
                if (problem.isPresent()) {
                    HttpReplies.text(exchange, 500, "failed to reload the configuration: " + problem.get());
                } else {
                    HttpReplies.text(exchange, 200, "configuration reloaded");
                }
            }
            default -> HttpReplies.text(exchange, 404, "not found; the exporter serves /probe, /metrics and /");
        }
    }

    private void report(HttpExchange exchange) throws IOException {
        Map<String, String> query = HttpReplies.query(exchange);
        String id = query == null ? null : query.get("id");
        Optional<RecentProbes.Entry> entry = Optional.empty();
        if (id != null && id.matches("\\d{1,18}")) {
            entry = recent.find(Long.parseLong(id));
        }
        if (entry.isEmpty()) {
            HttpReplies.text(exchange, 404, "no such report; only the last " + RecentProbes.CAPACITY + " are kept");
            return;
        }
        RecentProbes.Entry e = entry.get();
        String html = HtmlReport.render(e.report(), Resolution.of(e.report(), environment.knowledge()));
        HttpReplies.send(exchange, 200, HttpReplies.HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    /** No request ends without an answer, and no bug reaches the log as a stack trace. */
    private static void guarded(HttpExchange exchange, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            exchange.close(); // the scraper went away; nothing to answer
        } catch (RuntimeException e) {
            try {
                HttpReplies.text(exchange, 500, "internal error: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        lookups.shutdownNow();
        deadlines.shutdownNow();
    }
}
