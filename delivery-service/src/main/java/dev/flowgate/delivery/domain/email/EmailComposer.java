package dev.flowgate.delivery.domain.email;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.delivery.domain.JsonWriter;
import dev.flowgate.delivery.domain.delivery.Message;

/** A result as a readable email: plain text and the same in (escaped) HTML. */
final class EmailComposer {

	private static final String NONE = "-";

	private final JsonWriter json;

	EmailComposer(JsonWriter json) {
		this.json = json;
	}

	/**
	 * The email, or empty when its outputs alone render to more than {@code maxChars}.
	 */
	Optional<Message> compose(ExecutionCompleted result, long maxChars) {
		Optional<Map<String, String>> outputs = rendered(result.outputs(), maxChars);
		if (outputs.isEmpty()) {
			return Optional.empty();
		}
		String outcome = outcome(result);
		return Optional.of(Message.email(subject(result, outcome), text(result, outcome, outputs.get()),
				html(result, outcome, outputs.get())));
	}

	/** The subject alone, for an email not sent. */
	String subject(ExecutionCompleted result) {
		return subject(result, outcome(result));
	}

	private static String outcome(ExecutionCompleted result) {
		return result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String subject(ExecutionCompleted result, String outcome) {
		String named = hasName(result) ? result.deploymentName() + ":" : result.deploymentId();
		// Header values must stay on one line.
		return ("[Flowgate] " + named + " execution " + outcome).replaceAll("[\\r\\n]+", " ");
	}

	/** Each output as indented JSON, all of them within {@code maxChars}. */
	private Optional<Map<String, String>> rendered(Map<String, Object> outputs, long maxChars) {
		Map<String, String> rendered = new LinkedHashMap<>();
		long left = maxChars;
		for (Map.Entry<String, Object> output : outputs.entrySet()) {
			BoundedText text = new BoundedText(left);
			try {
				this.json.pretty(output.getValue(), text);
			}
			catch (RuntimeException ex) {
				if (ex instanceof BoundedText.TooLong || ex.getCause() instanceof BoundedText.TooLong) {
					return Optional.empty();
				}
				throw ex;
			}
			String json = text.toString();
			rendered.put(output.getKey(), json);
			left -= json.length();
		}
		return Optional.of(rendered);
	}

	/** The name people gave it, with the id that the API knows it by. */
	private static String deployment(ExecutionCompleted result) {
		return hasName(result) ? result.deploymentName() + " (" + result.deploymentId() + ")" : result.deploymentId();
	}

	private static boolean hasName(ExecutionCompleted result) {
		return result.deploymentName() != null && !result.deploymentName().isBlank();
	}

	private static String text(ExecutionCompleted result, String outcome, Map<String, String> outputs) {
		StringBuilder text = new StringBuilder();
		text.append("Execution ")
			.append(result.executionId())
			.append(" of deployment ")
			.append(deployment(result))
			.append(' ')
			.append(outcome)
			.append(".\n\n");
		text.append("Status:   ").append(outcome).append('\n');
		text.append("Started:  ").append(time(result.startedAt())).append('\n');
		text.append("Finished: ").append(time(result.finishedAt())).append('\n');
		text.append("Duration: ").append(result.durationSeconds()).append(" s\n");
		text.append("\nOutputs\n");
		if (outputs.isEmpty()) {
			text.append("(none)\n");
		}
		for (Map.Entry<String, String> output : outputs.entrySet()) {
			text.append(output.getKey()).append(":\n").append(indent(output.getValue())).append('\n');
		}
		if (result.error() != null) {
			text.append("\nError\n").append(errorText(result.error())).append('\n');
		}
		return text.toString();
	}

	private static String html(ExecutionCompleted result, String outcome, Map<String, String> outputs) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
		html.append("<h2>Execution ").append(e(outcome)).append("</h2>\n<table>\n");
		row(html, "Execution", result.executionId());
		row(html, "Deployment", deployment(result));
		row(html, "Status", outcome);
		row(html, "Started", time(result.startedAt()));
		row(html, "Finished", time(result.finishedAt()));
		row(html, "Duration", result.durationSeconds() + " s");
		html.append("</table>\n<h3>Outputs</h3>\n");
		if (outputs.isEmpty()) {
			html.append("<p>(none)</p>\n");
		}
		for (Map.Entry<String, String> output : outputs.entrySet()) {
			html.append("<h4>")
				.append(e(output.getKey()))
				.append("</h4>\n<pre>")
				.append(e(output.getValue()))
				.append("</pre>\n");
		}
		if (result.error() != null) {
			html.append("<h3>Error</h3>\n<p>").append(e(errorText(result.error()))).append("</p>\n");
		}
		return html.append("</body></html>\n").toString();
	}

	private static void row(StringBuilder html, String label, String value) {
		html.append("<tr><th align=\"left\">")
			.append(e(label))
			.append("</th><td>")
			.append(e(String.valueOf(value)))
			.append("</td></tr>\n");
	}

	private static String errorText(ExecutionError error) {
		String node = (error.nodeId() != null) ? " (node " + error.nodeId() + ")" : "";
		return "[" + error.code() + "] " + error.message() + node;
	}

	private static String indent(String block) {
		return "  " + block.replace("\n", "\n  ");
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : NONE;
	}

	private static String e(String text) {
		return HtmlText.escape(text);
	}

}
