package dev.flowgate.keys.web;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import dev.flowgate.internal.InternalApiProperties;
import dev.flowgate.keys.DeploymentServiceStub;
import dev.flowgate.keys.DeploymentServiceStub.Request;
import dev.flowgate.keys.config.FlowgateProperties;
import dev.flowgate.keys.domain.key.DeploymentDirectoryUnavailableException;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeploymentServiceDirectoryTest {

	private final DeploymentServiceStub stub = DeploymentServiceStub.start();

	private final DeploymentServiceDirectory directory = directoryAt(this.stub.url());

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void namesTheIdsDeploymentServiceDoesNotKnowForTheOwner() {
		this.stub.add("owner-1", "dep-1");
		this.stub.add("owner-2", "dep-2");

		assertThat(this.directory.unknownAmong("owner-1", Set.of("dep-1", "dep-2", "dep-3")))
			.containsExactlyInAnyOrder("dep-2", "dep-3");
		assertThat(this.stub.requests()).allSatisfy((request) -> {
			assertThat(request.ownerId()).isEqualTo("owner-1");
			assertThat(request.internalToken()).isEqualTo("internal-token");
		});
	}

	@Test
	void sendsAnIdAsOnePathSegment() {
		this.stub.add("owner-1", "a b/../c?d");

		assertThat(this.directory.unknownAmong("owner-1", Set.of("a b/../c?d"))).isEmpty();
		assertThat(this.stub.requests()).containsExactly(new Request("GET", "a b/../c?d", "owner-1", "internal-token"));
	}

	@Test
	void takesARefusedIdForNoDeployment() {
		this.stub.answerEveryCallWith(400);

		assertThat(this.directory.unknownAmong("owner-1", Set.of("%zz"))).containsExactly("%zz");
	}

	@Test
	void cannotTellWhenDeploymentServiceFails() {
		this.stub.answerEveryCallWith(503);

		assertThatExceptionOfType(DeploymentDirectoryUnavailableException.class)
			.isThrownBy(() -> this.directory.unknownAmong("owner-1", Set.of("dep-1")))
			.withMessage("deployment-service answered 503");
	}

	@Test
	void givesAllTheQuestionsOneReadTimeoutRatherThanOneEach() {
		this.stub.answerAfter(Duration.ofMillis(400));
		Set<String> ids = Set.of("dep-1", "dep-2", "dep-3", "dep-4", "dep-5", "dep-6");

		assertThatExceptionOfType(DeploymentDirectoryUnavailableException.class)
			.isThrownBy(() -> this.directory.unknownAmong("owner-1", ids))
			.withMessage("deployment-service did not answer for 6 deployments in time");
		// Each answer came within the 1 s read timeout; the third or fourth passed
		// the deadline of all.
		assertThat(this.stub.requests()).hasSizeLessThan(ids.size());
	}

	@Test
	void cannotTellWhenDeploymentServiceIsNotReachable() throws Exception {
		// The discard port: nothing listens there, where a port found free could be taken
		// by another test meanwhile.
		URI closed = URI.create("http://127.0.0.1:9");

		assertThatExceptionOfType(DeploymentDirectoryUnavailableException.class)
			.isThrownBy(() -> directoryAt(closed).unknownAmong("owner-1", Set.of("dep-1")))
			.withMessage("deployment-service is not reachable");
	}

	private static DeploymentServiceDirectory directoryAt(URI url) {
		FlowgateProperties properties = new FlowgateProperties(null, null, new FlowgateProperties.DeploymentService(url,
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5)), null);
		return new DeploymentServiceDirectory(properties, new InternalApiProperties("internal-token"),
				ObservationRegistry.NOOP);
	}

}
