package dev.flowgate.system.journey;

import java.time.Duration;

import dev.flowgate.system.LlmStub;
import dev.flowgate.system.Owner;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The owner's usage reports over the last hour once the sync deployment ran three times
 * (two warm calls asking the LLM, one cold) and refused one call, and the async one ran
 * once: per deployment, over all of them, bucket by bucket and per key.
 */
final class UsageReports {

	private static final Duration REFUSALS_SENT = Duration.ofSeconds(60);

	private static final int SYNC_CALLS = 3;

	private static final int WARM_CALLS = 2;

	private final Owner owner;

	private final String syncId;

	private final String asyncId;

	UsageReports(Owner owner, String syncId, String asyncId) {
		this.owner = owner;
		this.syncId = syncId;
		this.asyncId = asyncId;
	}

	/**
	 * The sync deployment's calls, outcomes and tokens, also counted for the key alone.
	 */
	void assertSyncDeploymentCounted(String keyId) {
		JsonNode usage = report("/v1/deployments/" + this.syncId + "/usage?window=1h");
		assertThat(usage.at("/calls").asInt()).isEqualTo(SYNC_CALLS);
		assertThat(usage.at("/successes").asInt()).isEqualTo(SYNC_CALLS);
		assertThat(usage.at("/failures").asInt()).isZero();
		assertThat(usage.at("/llmTokens/prompt").asLong()).isEqualTo(WARM_CALLS * LlmStub.PROMPT_TOKENS);
		assertThat(usage.at("/llmTokens/completion").asLong()).isEqualTo(WARM_CALLS * LlmStub.COMPLETION_TOKENS);
		assertThat(usage.at("/durationMillis/p50").isNumber()).isTrue();
		JsonNode byKey = report("/v1/deployments/" + this.syncId + "/usage?window=1h&key_id=" + keyId);
		assertThat(byKey.at("/calls").asInt()).isEqualTo(SYNC_CALLS);
		assertThat(byKey.at("/llmTokens/prompt").asLong()).isEqualTo(WARM_CALLS * LlmStub.PROMPT_TOKENS);
	}

	/** The refused call, which the gateway sends its counts of every 10 s. */
	void awaitRefusedCallCounted() {
		await().atMost(REFUSALS_SENT).untilAsserted(() -> {
			JsonNode rejected = report("/v1/deployments/" + this.syncId + "/usage?window=1h").at("/rejected");
			assertThat(rejected.at("/total").asLong()).isEqualTo(1);
			assertThat(rejected.at("/byReason/invalid_input").asLong()).isEqualTo(1);
		});
	}

	/**
	 * The owner's overview lists both deployments and sums them, also bucket by bucket.
	 */
	void assertOverviewSumsTheDeployments() {
		JsonNode overview = report("/v1/usage?window=1h");
		assertThat(overview.at("/deployments").values()).extracting((each) -> each.at("/deploymentId").asString())
			.containsExactlyInAnyOrder(this.syncId, this.asyncId);
		assertThat(overview.at("/deployments").values())
			.filteredOn((each) -> each.at("/deploymentId").asString().equals(this.syncId))
			.singleElement()
			.satisfies((each) -> {
				assertThat(each.at("/usage/calls").asInt()).isEqualTo(SYNC_CALLS);
				assertThat(each.at("/usage/rejected/total").asLong()).isEqualTo(1);
			});
		long total = overview.at("/total/calls").asLong();
		assertThat(sum(overview.at("/deployments"), "/usage/calls")).isEqualTo(total);
		assertThat(sum(report("/v1/usage/series?window=1h").at("/points"), "/usage/calls")).isEqualTo(total);
		JsonNode series = report("/v1/deployments/" + this.syncId + "/usage/series?window=1h");
		assertThat(series.at("/bucket").asString()).isEqualTo("5m");
		assertThat(sum(series.at("/points"), "/usage/calls")).isEqualTo(SYNC_CALLS);
		assertThat(sum(series.at("/points"), "/usage/rejected/total")).isEqualTo(1);
	}

	/**
	 * The key's calls over all deployments (three sync, one async, no refusals: those are
	 * counted per deployment); none for a key that ran nothing.
	 */
	void assertOverviewByKey(String keyId, String idleKeyId) {
		JsonNode byKey = report("/v1/usage?window=1h&key_id=" + keyId);
		assertThat(byKey.at("/total/calls").asLong()).isEqualTo(SYNC_CALLS + 1);
		assertThat(byKey.at("/total/rejected/total").asLong()).isZero();
		assertThat(byKey.at("/deployments").values())
			.filteredOn((each) -> each.at("/deploymentId").asString().equals(this.asyncId))
			.singleElement()
			.satisfies((each) -> assertThat(each.at("/usage/calls").asLong()).isEqualTo(1));
		assertThat(sum(report("/v1/usage/series?window=1h&key_id=" + keyId).at("/points"), "/usage/calls"))
			.isEqualTo(SYNC_CALLS + 1);
		assertThat(report("/v1/usage?window=1h&key_id=" + idleKeyId).at("/total/calls").asLong()).isZero();
	}

	private JsonNode report(String path) {
		return this.owner.get(path).json();
	}

	/** The sum of a number in each element of an array. */
	private static long sum(JsonNode array, String pointer) {
		return array.values().stream().mapToLong((element) -> element.at(pointer).asLong()).sum();
	}

}
