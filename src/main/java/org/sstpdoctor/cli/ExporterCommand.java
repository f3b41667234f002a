package org.sstpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sstpdoctor.exporter.ConfigException;
import org.sstpdoctor.exporter.ConfigLoader;
import org.sstpdoctor.exporter.Exporter;
import org.sstpdoctor.exporter.ExporterConfig;
import org.sstpdoctor.exporter.ExporterEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sstp-doctor exporter}: a Prometheus probe for SSTP gateways, in the blackbox exporter's multi-target pattern. */
@Command(name = "exporter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Runs a Prometheus exporter that probes SSTP servers when Prometheus asks.",
        // One string per paragraph: picocli wraps each to the terminal and breaks the line between them.
        description = "Runs a Prometheus exporter: GET /probe?target=HOST:PORT&module=NAME probes one SSTP server"
            + " and answers its metrics; /metrics has the exporter's own; / lists recent probes.",
        footer = {"", "Reload the configuration with SIGHUP or POST /-/reload. Example configuration, alert rules"
            + " and dashboard: installers/prometheus/ in the source, /usr/share/doc/sstp-doctor/prometheus/ when installed."})
final class ExporterCommand implements Callable<Integer> {
    static final String DEFAULT_LISTEN = "127.0.0.1:9469";

    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DebugOption debug;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = DEFAULT_LISTEN,
            description = "Where to serve (default: ${DEFAULT-VALUE}; ':9469' means every interface).")
    String listen;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The modules, in the blackbox exporter's YAML shape. Without it: one module 'default' "
                    + "(the system's proxy settings and trusted CAs, a 10 s timeout), any target allowed.")
    Path configFile;

    @Option(names = "--check-config", description = "Only check the configuration file, print what it says, and exit.")
    boolean checkOnly;

    ExporterCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExporterConfig config;
        try {
            config = configFile == null ? ExporterConfig.builtIn() : ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            err.println("The exporter's configuration cannot be used: " + e.getMessage());
            return ExitCode.BAD_USAGE;
        }
        if (checkOnly) {
            out.println("The configuration is valid: modules " + String.join(", ", config.modules().keySet())
                    + "; allowed targets: " + config.policy() + "; at most " + config.maxConcurrentProbes() + " probes at once.");
            return ExitCode.REACHABLE;
        }
        InetSocketAddress address;
        try {
            address = listenAddress(listen);
        } catch (IllegalArgumentException e) {
            err.println("--listen: " + e.getMessage());
            return ExitCode.BAD_USAGE;
        }
        Exporter exporter;
        try {
            exporter = Exporter.start(address, config, ExporterEnvironment.ofThisComputer(
                    KnowledgeLoader.load(context, null, err)));
        } catch (IOException e) {
            err.println("The exporter cannot listen on " + listen + ": " + e.getMessage());
            return ExitCode.BAD_USAGE;
        }
        InetSocketAddress bound = exporter.address();
        String url = "http://" + hostForUrl(bound) + ":" + bound.getPort() + "/";
        out.println("SSTP Doctor exporter on " + url + " (modules: " + String.join(", ", config.modules().keySet())
                + "; allowed targets: " + config.policy() + ").");
        out.println("Try: curl '" + url + "probe?target=vpn.example.com:443&module="
                + config.modules().keySet().iterator().next() + "'");
        if (!bound.getAddress().isLoopbackAddress() && config.policy().allowsAny()) {
            err.println("warning: the exporter listens beyond this computer and allowed_targets is not set: anyone who"
                    + " can reach it can make it probe any address. Set allowed_targets in the configuration.");
        }
        out.flush();
        err.flush();
        String signal = onHangUp(() -> exporter.reload().ifPresentOrElse(
                p -> {
                    err.println("Reload failed, the previous configuration stays: " + p);
                    err.flush();
                },
                () -> {
                    out.println("Configuration reloaded.");
                    out.flush();
                }));
        if (signal != null) {
            err.println("note: " + signal);
            err.flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exporter.close();
            stopped.countDown();
        }, "sstp-exporter-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.REACHABLE;
    }

    static InetSocketAddress listenAddress(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (for example 127.0.0.1:9469 or :9469)");
        }
        String host = t.substring(0, colon);
        String port = t.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("'" + port + "' is not a port from 0 to 65535");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            return new InetSocketAddress(Integer.parseInt(port));
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an address of this computer");
        }
    }

    private static String hostForUrl(InetSocketAddress bound) {
        String host = bound.getAddress().isAnyLocalAddress() ? "localhost" : bound.getAddress().getHostAddress();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /**
     * Reloads on SIGHUP, as Prometheus' own exporters do. Through reflection, because sun.misc.Signal is
     * not a public API: where it is missing (or on Windows, which has no SIGHUP) the reason is returned.
     */
    static String onHangUp(Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance("HUP");
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            action.run();
                        }
                        return null;
                    });
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "SIGHUP cannot be caught here; reload with POST /-/reload";
        }
    }
}
