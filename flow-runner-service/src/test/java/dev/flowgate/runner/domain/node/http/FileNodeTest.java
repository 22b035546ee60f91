package dev.flowgate.runner.domain.node.http;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flowgate.contracts.ExecutionStatus;
import dev.flowgate.contracts.FlowDefinition;
import dev.flowgate.infra.test.HttpStub;
import dev.flowgate.infra.test.HttpStub.Reply;
import dev.flowgate.runner.domain.engine.FlowOutcome;
import dev.flowgate.runner.support.EngineFixture;
import dev.flowgate.runner.support.Flows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNodeTest {

	/** Downloads the URL the caller gives as the input {@code file}. */
	private static final FlowDefinition DOWNLOAD_INPUT_URL = Flows.flow()
		.input("file")
		.node("fetch", "file", Map.of("url", "{{input.file}}"))
		.output("download", "{{fetch}}")
		.edge("file", "fetch")
		.edge("fetch", "download")
		.build();

	private final HttpStub files = HttpStub.start();

	private final EngineFixture fixture = new EngineFixture(this.files.url(""));

	@AfterEach
	void stop() {
		this.fixture.close();
		this.files.close();
	}

	@Test
	void downloadsTheFileAsTextWithItsTypeAndSize() {
		this.files.on("/notes.txt", (request) -> Reply.text(200, "grüße"));
		FlowOutcome outcome = this.fixture.run(DOWNLOAD_INPUT_URL, Map.of("file", this.files.url("/notes.txt")));

		assertThat(outcome.outputs().get("download"))
			.isEqualTo(Map.of("text", "grüße", "contentType", "text/plain; charset=utf-8", "bytes", 7));
	}

	@Test
	void refusesAFileUrlInputOnAPrivateAddress() {
		this.files.on("/secrets.txt", (request) -> Reply.text(200, "internal"));
		try (EngineFixture strict = new EngineFixture(this.files.url(""), Set.of(), List.of(), 4096)) {
			FlowOutcome outcome = strict.run(DOWNLOAD_INPUT_URL, Map.of("file", this.files.url("/secrets.txt")));

			assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
			assertThat(outcome.error().message()).startsWith("Host 127.0.0.1 is a loopback address");
			assertThat(outcome.outputs()).isEmpty();
			assertThat(this.files.arrivals("/secrets.txt")).isEmpty();
		}
	}

	@Test
	void failsAFileOverTheNodesCap() {
		this.files.on("/big.txt", (request) -> Reply.text(200, "x".repeat(5000)));
		FlowDefinition flow = Flows.flow()
			.node("fetch", "file",
					Map.of("url", this.files.url("/big.txt"), "maxBytes", 1000, "retry", Map.of("maxAttempts", 3)))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message()).isEqualTo("the response is larger than the limit of 1000 bytes");
		assertThat(outcome.trace().get(0).attempts()).isEqualTo(1);
	}

	@Test
	void capsFilesAtTheRunnerDefaultWhenTheNodeSetsNone() {
		this.files.on("/huge.bin", (request) -> Reply.text(200, "y".repeat((int) EngineFixture.MAX_BYTES + 1)));
		this.files.on("/fits.bin", (request) -> Reply.text(200, "y".repeat((int) EngineFixture.MAX_BYTES)));

		FlowOutcome huge = this.fixture
			.run(Flows.flow().node("fetch", "file", Map.of("url", this.files.url("/huge.bin"))).build(), Map.of());
		FlowOutcome fits = this.fixture
			.run(Flows.flow().node("fetch", "file", Map.of("url", this.files.url("/fits.bin"))).build(), Map.of());

		assertThat(huge.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(fits.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
	}

	@Test
	void neverReadsMoreThanTheRunnersCapWhateverTheNodeAsks() {
		this.files.on("/over.bin", (request) -> Reply.text(200, "z".repeat((int) EngineFixture.MAX_BYTES + 1)));
		FlowDefinition flow = Flows.flow()
			.node("fetch", "file",
					Map.of("url", this.files.url("/over.bin"), "maxBytes", EngineFixture.MAX_BYTES * 1000))
			.build();

		FlowOutcome outcome = this.fixture.run(flow, Map.of());

		assertThat(outcome.status()).isEqualTo(ExecutionStatus.FAILED);
		assertThat(outcome.error().message())
			.isEqualTo("the response is larger than the limit of " + EngineFixture.MAX_BYTES + " bytes");
	}

	@Test
	void failsWhenTheFileIsMissing() {
		FlowOutcome outcome = this.fixture
			.run(Flows.flow().node("fetch", "file", Map.of("url", this.files.url("/nope"))).build(), Map.of());

		assertThat(outcome.error().message()).isEqualTo("HTTP 404 from " + this.files.url("/nope") + ": no route");
	}

}
