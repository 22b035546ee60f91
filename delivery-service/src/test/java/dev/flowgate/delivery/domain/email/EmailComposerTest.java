package dev.flowgate.delivery.domain.email;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flowgate.contracts.DeliveryTarget;
import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.contracts.ExecutionError;
import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.TokenUsage;
import dev.flowgate.delivery.domain.TestJson;
import dev.flowgate.delivery.domain.delivery.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailComposerTest {

	private static final Instant FINISHED = Instant.parse("2026-11-23T10:00:02Z");

	private static final long LIMIT = 2 * 1024 * 1024;

	private final EmailComposer composer = new EmailComposer(new TestJson());

	@Test
	void stopsRenderingOutputsPastTheBound() {
		// 400 levels deep: a few kilobytes as sent, a third of a megabyte indented.
		Object nested = "leaf";
		for (int depth = 0; depth < 400; depth++) {
			nested = Map.of("k", nested);
		}
		ExecutionCompleted deep = result("dep-1", "answers", ExecutionStatus.SUCCEEDED, Map.of("deep", nested), null);

		assertThat(this.composer.compose(deep, 100_000)).isEmpty();
		assertThat(this.composer.compose(deep, LIMIT)).hasValueSatisfying(
				(message) -> assertThat(message.body()).hasSizeGreaterThan(100_000).contains("\"leaf\""));
		assertThat(this.composer.subject(deep)).isEqualTo("[Flowgate] answers: execution succeeded");
	}

	@Test
	void namesTheDeploymentAndOutcomeInTheSubject() {
		assertThat(compose(ExecutionStatus.SUCCEEDED, Map.of(), null).subject())
			.isEqualTo("[Flowgate] answers: execution succeeded");
		assertThat(compose(ExecutionStatus.TIMED_OUT, Map.of(), null).subject())
			.isEqualTo("[Flowgate] answers: execution timed out");
		assertThat(compose(ExecutionStatus.CANCELLED, Map.of(), null).subject())
			.isEqualTo("[Flowgate] answers: execution cancelled");
	}

	@Test
	void fallsBackToTheDeploymentIdForResultsWithoutAName() {
		Message message = this.composer.compose(result("dep-1", null, ExecutionStatus.SUCCEEDED, Map.of(), null), LIMIT)
			.orElseThrow();

		assertThat(message.subject()).isEqualTo("[Flowgate] dep-1 execution succeeded");
		assertThat(message.body()).startsWith("Execution exec-1 of deployment dep-1 succeeded.");
	}

	@Test
	void listsStatusTimesAndEveryOutputInTheText() {
		Message message = compose(ExecutionStatus.SUCCEEDED, Map.of("answer", "42", "items", List.of(1, 2)), null);

		assertThat(message.body()).startsWith("Execution exec-1 of deployment answers (dep-1) succeeded.");
		assertThat(message.html()).contains("<td>answers (dep-1)</td>");
		assertThat(message.body()).contains("Status:   succeeded", "Finished: 2026-11-23T10:00:02Z", "Duration: 2.0 s",
				"answer:\n  \"42\"", "items:\n  [ 1, 2 ]");
	}

	@Test
	void escapesEverythingInTheHtml() {
		Message message = compose(ExecutionStatus.FAILED, Map.of("<script>", "</pre><img src=x onerror=alert(1)>"),
				new ExecutionError("n&1", "node_failed", "\"quoted\" <b>"));

		assertThat(message.html()).doesNotContain("<script>", "<img", "<b>")
			.contains("&lt;script&gt;", "&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;",
					"[node_failed] &quot;quoted&quot; &lt;b&gt; (node n&amp;1)");
		assertThat(message.body()).contains("[node_failed] \"quoted\" <b> (node n&1)");
	}

	@Test
	void keepsTheSubjectOnOneLine() {
		ExecutionCompleted byId = result("dep\r\nBcc: victim@example.com", null, ExecutionStatus.SUCCEEDED, Map.of(),
				null);
		ExecutionCompleted byName = result("dep-1", "answers\r\nBcc: victim@example.com", ExecutionStatus.SUCCEEDED,
				Map.of(), null);

		assertThat(this.composer.compose(byId, LIMIT).orElseThrow().subject()).doesNotContain("\r", "\n");
		assertThat(this.composer.compose(byName, LIMIT).orElseThrow().subject()).doesNotContain("\r", "\n");
	}

	private Message compose(ExecutionStatus status, Map<String, Object> outputs, ExecutionError error) {
		return this.composer.compose(result("dep-1", "answers", status, outputs, error), LIMIT).orElseThrow();
	}

	private static ExecutionCompleted result(String deploymentId, String deploymentName, ExecutionStatus status,
			Map<String, Object> outputs, ExecutionError error) {
		return new ExecutionCompleted(UUID.randomUUID(), 1, FINISHED, "exec-1", "owner-1", deploymentId, 1, status,
				outputs, error, List.of(), FINISHED.minusSeconds(2), FINISHED, 2000, TokenUsage.NONE, null,
				new DeliveryTarget(null, "ops@example.com", false), null, deploymentName, null);
	}

}
