package dev.flowgate.gateway.support;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Prometheus text exposition, as a scraper would. */
public final class Prometheus {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private Prometheus(String text) {
		this.text = text;
	}

	/** Scrapes a service's {@code /actuator/prometheus}. */
	public static Prometheus scrape(GatewayApp gateway) {
		Http.Response response = Http.get(gateway.url("/actuator/prometheus"), Map.of());
		if (response.status() != 200) {
			throw new IllegalStateException("/actuator/prometheus answered " + response.status());
		}
		return new Prometheus(response.body());
	}

	/**
	 * The sum of every sample of a metric whose labels include the given ones; 0 when
	 * there is none.
	 */
	public double sum(String metric, Map<String, String> labels) {
		double sum = 0;
		for (String line : this.text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(metric)
					&& labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
				sum += Double.parseDouble(sample.group(3));
			}
		}
		return sum;
	}

	/** Whether any sample of the metric is exposed. */
	public boolean has(String metric) {
		return this.text.lines().anyMatch((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "));
	}

	private static Map<String, String> labels(String labels) {
		Map<String, String> parsed = new HashMap<>();
		if (labels != null) {
			Matcher label = LABEL.matcher(labels);
			while (label.find()) {
				parsed.put(label.group(1), label.group(2));
			}
		}
		return parsed;
	}

}
