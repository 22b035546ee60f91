package dev.flowgate.deployments.domain.usage;

/** Takes a deployment's usage as it is read: executions one by one, and summed hours. */
interface UsageSink {

	void add(UsageSample sample);

	void add(HourSummary summary);

	/**
	 * Whether whole hours may come as their summaries; a sink that splits hours takes
	 * executions only.
	 */
	boolean takesHours();

}
