package dev.flowgate.deployments.persistence;

import org.bson.Document;
import org.bson.types.Binary;

import dev.flowgate.deployments.domain.usage.DurationHistogram;
import dev.flowgate.deployments.domain.usage.UsageTally;

/** A usage tally as fields of a summary document, and back. */
final class TallyFields {

	private static final String DURATIONS = "durations";

	private static final String CANCELLED = "cancelled";

	private TallyFields() {
	}

	static Document append(Document document, UsageTally tally) {
		UsageTally.Counts counts = tally.counts();
		return document.append("calls", counts.calls())
			.append("successes", counts.successes())
			.append("failures", counts.failures())
			.append("timeouts", counts.timeouts())
			.append(CANCELLED, counts.cancelled())
			.append("promptTokens", counts.promptTokens())
			.append("completionTokens", counts.completionTokens())
			.append(DURATIONS, new Binary(tally.durations().encode()));
	}

	static UsageTally read(Document document) {
		// Summaries written before executions could be cancelled have no such count.
		long cancelled = document.get(CANCELLED, 0L);
		UsageTally.Counts counts = new UsageTally.Counts(document.getLong("calls"), document.getLong("successes"),
				document.getLong("failures"), document.getLong("timeouts"), cancelled, document.getLong("promptTokens"),
				document.getLong("completionTokens"));
		Object durations = document.get(DURATIONS);
		byte[] encoded = (durations instanceof Binary binary) ? binary.getData() : (byte[]) durations;
		return UsageTally.of(counts, DurationHistogram.decode(encoded));
	}

}
