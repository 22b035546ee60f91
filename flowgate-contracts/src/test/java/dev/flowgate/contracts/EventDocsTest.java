package dev.flowgate.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example in docs/events.md is a valid event of the type its section documents. */
class EventDocsTest {

	private static final Path DOC = Path.of("..", "docs", "events.md");

	private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyDocumentedExampleParsesAsItsEvent() throws IOException {
		List<FlowgateEvent> examples = new ArrayList<>();
		Matcher block = JSON_BLOCK.matcher(Files.readString(DOC));
		while (block.find()) {
			examples.add(this.json.readValue(block.group(1), FlowgateEvent.class));
		}

		assertThat(examples).extracting((e) -> e.getClass().getSimpleName())
			.containsExactly("ExecutionRequested", "ExecutionCancellationRequested", "ExecutionStarted",
					"ExecutionCompleted", "KeyStateChanged", "DeploymentStateChanged", "OwnerDeleted", "DeliveryFailed",
					"TriggersRejected", "RateLimitRequestsCounted", "InFlightExecutionsCounted");
		assertThat(examples).allSatisfy((e) -> assertThat(e.subjectId()).isNotBlank());
	}

	@Test
	void everyTopicIsDocumented() throws IOException {
		String doc = Files.readString(DOC);

		assertThat(Topics.all()).allSatisfy((topic) -> assertThat(doc).contains("## " + topic.name()));
	}

}
