package io.labrunner.labs.messydata;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Telemetry from a fleet of water pumps, one reading per pump and hour, labelled with whether the
 * pump failed within the next day — as a plant's historian exports it, warts and all: sensors that
 * sometimes report nothing, a temperature probe that reports its fault code {@code 999.9}, vibration
 * spikes from a loose mount, and batches the exporter re-sent after a timeout. Failures are rare
 * (about 2 %). Generated from fixed seeds, so the checks know the truth behind every row.
 */
public final class Readings {
    public static final List<String> COLUMNS = List.of("reading_id", "pump_id", "read_at", "temperature_c",
            "vibration_mm_s", "pressure_bar", "rpm", "hours_since_service", "load_pct", "failure");
    /** The features the model uses, in the order of the training CSV after the label. */
    public static final List<String> FEATURES = List.of("temperature_c", "vibration_mm_s", "pressure_bar", "rpm",
            "hours_since_service", "load_pct");
    public static final int DISTINCT = 20_000;
    public static final int HOLDOUT = 10_000;
    /** What the probe reports when it has failed. */
    public static final double TEMPERATURE_FAULT_CODE = 999.9;

    static final double MISSING_TEMPERATURE = 0.06;
    static final double MISSING_PRESSURE = 0.04;
    static final double TEMPERATURE_GLITCHES = 0.005;
    static final double VIBRATION_SPIKES = 0.005;
    static final double RESENT = 0.03;

    private static final long SEED = 1_302_2026L;
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

    /**
     * One reading. Sensor values are null where the sensor reported nothing.
     *
     * @param failure 1 when the pump failed within 24 hours of the reading
     */
    public record Reading(long readingId, String pumpId, LocalDateTime readAt, Double temperatureC,
            Double vibrationMmS, Double pressureBar, int rpm, int hoursSinceService, int loadPct, int failure) {

        /** The reading as the raw export writes it: empty fields for missing values. */
        String rawCsv() {
            return readingId + "," + pumpId + "," + readAt.toString().replace('T', ' ') + "," + number(temperatureC)
                    + "," + number(vibrationMmS) + "," + number(pressureBar) + "," + rpm + "," + hoursSinceService + ","
                    + loadPct + "," + failure;
        }

        /** The features only, for Batch Transform (no label, no header). */
        public String featuresCsv() {
            return number(temperatureC) + "," + number(vibrationMmS) + "," + number(pressureBar) + "," + rpm + ","
                    + hoursSinceService + "," + loadPct;
        }

        private static String number(Double value) {
            return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    private Readings() {
    }

    /** The readings as they really were, each once and every sensor working. */
    public static List<Reading> genuine() {
        return generate(new Random(SEED), DISTINCT, 1);
    }

    /** Readings the model never trains on, to judge it; clean, as the production pipeline would deliver them. */
    public static List<Reading> holdout() {
        return generate(new Random(SEED + 1), HOLDOUT, 5_000_001);
    }

    private static List<Reading> generate(Random random, int count, long firstId) {
        List<Reading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String pump = String.format(Locale.ROOT, "P-%03d", 1 + random.nextInt(120));
            LocalDateTime at = START.plusHours(random.nextInt(24 * 180)).plusMinutes(random.nextInt(60));
            double load = 30 + random.nextInt(71);
            double temperature = 55 + 0.12 * (load - 65) + 6 * random.nextGaussian();
            double vibration = Math.exp(1.0 + 0.25 * random.nextGaussian());
            double pressure = 6 + 0.8 * random.nextGaussian();
            int rpm = (int) Math.round(1450 + 60 * random.nextGaussian());
            int hours = random.nextInt(2_000);
            double logit = -12.9
                    + 0.6 * (temperature - 55)
                    + 4.0 * (vibration - 2.8)
                    + 0.0045 * (hours - 1_000)
                    + 1.8 * Math.max(0, 5.2 - pressure)
                    + 0.3 * random.nextGaussian();
            int failure = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            readings.add(new Reading(firstId + i, pump, at, round(temperature), round(vibration), round(pressure), rpm,
                    hours, (int) load, failure));
        }
        return readings;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * The raw export: the genuine readings with missing values, glitches and spikes, and about 3 %
     * of them sent twice.
     */
    public static List<Reading> raw() {
        Random random = new Random(SEED + 2);
        List<Reading> raw = new ArrayList<>();
        for (Reading r : genuine()) {
            Double temperature = r.temperatureC();
            Double vibration = r.vibrationMmS();
            Double pressure = r.pressureBar();
            if (random.nextDouble() < MISSING_TEMPERATURE) {
                temperature = null;
            } else if (random.nextDouble() < TEMPERATURE_GLITCHES) {
                temperature = TEMPERATURE_FAULT_CODE;
            }
            if (random.nextDouble() < VIBRATION_SPIKES) {
                vibration = round(vibration * (20 + 10 * random.nextDouble()));
            }
            if (random.nextDouble() < MISSING_PRESSURE) {
                pressure = null;
            }
            raw.add(new Reading(r.readingId(), r.pumpId(), r.readAt(), temperature, vibration, pressure, r.rpm(),
                    r.hoursSinceService(), r.loadPct(), r.failure()));
        }
        int distinct = raw.size();
        for (int i = 0; i < distinct; i++) {
            if (random.nextDouble() < RESENT) {
                // A re-sent batch arrives later in the export.
                raw.add(i + 1 + random.nextInt(raw.size() - i), raw.get(i));
            }
        }
        return raw;
    }

    /** The raw export as CSV with a header row, as the historian writes it. */
    public static String rawCsv(List<Reading> readings) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        readings.forEach(r -> csv.append(r.rawCsv()).append('\n'));
        return csv.toString();
    }

    /** Features only, one reading a line: Batch Transform's input. */
    public static String featuresCsv(List<Reading> readings) {
        StringBuilder csv = new StringBuilder();
        readings.forEach(r -> csv.append(r.featuresCsv()).append('\n'));
        return csv.toString();
    }
}
