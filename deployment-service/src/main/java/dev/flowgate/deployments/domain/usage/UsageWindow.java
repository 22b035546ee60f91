package dev.flowgate.deployments.domain.usage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/** The periods usage can be reported for, ending now. */
public enum UsageWindow {

	HOUR("1h", Duration.ofHours(1)), DAY("24h", Duration.ofDays(1)), WEEK("7d", Duration.ofDays(7)),
	MONTH("30d", Duration.ofDays(30));

	private final String token;

	private final Duration length;

	UsageWindow(String token, Duration length) {
		this.token = token;
		this.length = length;
	}

	public String token() {
		return this.token;
	}

	public Duration length() {
		return this.length;
	}

	public static UsageWindow longest() {
		return Arrays.stream(values()).max(Comparator.comparing(UsageWindow::length)).orElseThrow();
	}

	public static Optional<UsageWindow> of(String token) {
		return Arrays.stream(values()).filter((window) -> window.token.equals(token)).findFirst();
	}

}
