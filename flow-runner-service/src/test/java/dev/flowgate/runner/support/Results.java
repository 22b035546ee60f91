package dev.flowgate.runner.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.flowgate.contracts.ExecutionCompleted;
import dev.flowgate.infra.test.HttpStub.Received;

/** Questions tests ask about results and about the calls flows made. */
public final class Results {

	private Results() {
	}

	/** The results of the given executions, by execution id. */
	public static Map<String, List<ExecutionCompleted>> of(List<ExecutionCompleted> all, Set<String> executionIds) {
		return all.stream()
			.filter((result) -> executionIds.contains(result.executionId()))
			.collect(Collectors.groupingBy(ExecutionCompleted::executionId));
	}

	/** The most requests the server was answering at one time. */
	public static int peakConcurrency(Collection<Received> answered) {
		List<Map.Entry<Instant, Integer>> changes = new ArrayList<>();
		for (Received request : answered) {
			changes.add(Map.entry(request.arrivedAt(), 1));
			changes.add(Map.entry(request.answeredAt(), -1));
		}
		changes.sort(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry::getValue));
		int current = 0;
		int peak = 0;
		for (Map.Entry<Instant, Integer> change : changes) {
			current += change.getValue();
			peak = Math.max(peak, current);
		}
		return peak;
	}

}
