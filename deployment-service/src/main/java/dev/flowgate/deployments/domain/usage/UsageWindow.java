package dev.flowgate.deployments.domain.usage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;

/** The periods usage can be reported for, ending now. */
public enum UsageWindow {

	HOUR("1h", Duration.ofHours(1), UsageBucket.FIVE_MINUTES), DAY("24h", Duration.ofDays(1), UsageBucket.HOUR),
	WEEK("7d", Duration.ofDays(7), UsageBucket.HOUR), MONTH("30d", Duration.ofDays(30), UsageBucket.DAY);

	private final String token;

	private final Duration length;

	private final UsageBucket bucket;

	UsageWindow(String token, Duration length, UsageBucket bucket) {
		this.token = token;
		this.length = length;
		this.bucket = bucket;
	}

	public String token() {
		return this.token;
	}

	public Duration length() {
		return this.length;
	}

	/** The buckets a series over this window has unless asked for others. */
	UsageBucket bucket() {
		return this.bucket;
	}

	public static UsageWindow longest() {
		return Arrays.stream(values()).max(Comparator.comparing(UsageWindow::length)).orElseThrow();
	}

}
