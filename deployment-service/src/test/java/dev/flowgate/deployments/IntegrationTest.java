package dev.flowgate.deployments;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import dev.flowgate.infra.test.FlowgateInfra;

/**
 * The one configuration of every integration test, so they all share one Spring context
 * against the real Kafka and MongoDB. Tests isolate themselves by owner id.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FlowgateInfra
@SpringBootTest(properties = { "flowgate.internal-token=" + IntegrationTest.TOKEN,
		"flowgate.public-url=" + IntegrationTest.PUBLIC_URL, "flowgate.publication.republish-interval=200ms",
		// The lease outlasts the producer's longest send (35 s), as the service requires.
		"flowgate.publication.lease=40s", "flowgate.usage.late-write-margin=" + IntegrationTest.LATE_WRITE_MARGIN,
		"flowgate.deployments.per-owner=" + IntegrationTest.DEPLOYMENTS_PER_OWNER,
		"flowgate.deployments.deployed-flow-bytes-per-owner=" + IntegrationTest.DEPLOYED_FLOW_BYTES_PER_OWNER,
		"flowgate.flows.storage-per-owner=" + IntegrationTest.FLOW_STORAGE_PER_OWNER,
		"logging.level.org.apache.kafka=warn" })
@AutoConfigureMockMvc
public @interface IntegrationTest {

	String TOKEN = "test-internal-token";

	String PUBLIC_URL = "https://flowgate.example.com";

	/** Few, so a test can reach the limit; more than any other test creates. */
	int DEPLOYMENTS_PER_OWNER = 10;

	/** Room for two flows of 200 KB, not three; more than any other test deploys. */
	int DEPLOYED_FLOW_BYTES_PER_OWNER = 600_000;

	/**
	 * Room for four flow versions of 200 KB, not five; more than any other test stores.
	 */
	int FLOW_STORAGE_PER_OWNER = 900_000;

	/** Short, so a test can wait until its executions count as summed. */
	String LATE_WRITE_MARGIN = "500ms";

}
