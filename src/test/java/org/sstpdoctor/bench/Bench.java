package org.sstpdoctor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared helpers of the benchmarks: medians, percentiles, programs on the PATH. */
final class Bench {
    private Bench() {
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The nearest-rank percentile; 0 is the minimum, 1 the maximum. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /**
     * The program's real path on the PATH, so no wrapper script (pyenv's shims, for one) is timed with
     * it; a program that is not there is an error naming the package to install.
     */
    static String resolve(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !dir.contains("shims")) {
                try {
                    return candidate.toRealPath().toString();
                } catch (IOException e) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException(program + " is not on the PATH (Debian: apt-get install "
                + (program.startsWith("python") ? "python3" : program) + ")");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
