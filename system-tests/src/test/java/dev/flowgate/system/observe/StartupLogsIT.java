package dev.flowgate.system.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import dev.flowgate.infra.local.Service;
import dev.flowgate.system.SystemStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator starting Flowgate reads its logs: a healthy start warns of nothing. Ordered
 * first of the shared stack's tests (only FaultsIT, on a stack of its own, runs before),
 * so the logs hold the start of the shared stack (until every service was ready) and
 * nothing the other tests provoke on purpose.
 */
@Order(1)
class StartupLogsIT {

	/** A plain log line at level WARN or ERROR, after its timestamp. */
	private static final Pattern WARNING = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s");

	private final SystemStack stack = SystemStack.shared();

	@Test
	void everyServiceStartsWithoutAWarning() throws IOException {
		for (Service service : Service.values()) {
			Path log = this.stack.processes().services().logFile(service.module());
			List<String> lines = Files.readAllLines(log);

			assertThat(lines).as(log.toString()).anyMatch((line) -> line.contains(" Started "));
			assertThat(lines).as("warnings while %s started", service.module())
				.filteredOn((line) -> WARNING.matcher(line).find())
				.isEmpty();
		}
	}

}
