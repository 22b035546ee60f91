package dev.flowgate.deployments.web;

/** Flows near the size limits, as management API bodies. */
final class LargeFlows {

	/** A template of about 200 KB, within the flow's settings limit. */
	static final String TEMPLATE_OF_200_KB = """
			{"name":"Large","nodes":[
			 {"id":"question","type":"input","config":{"name":"question","inputType":"text","required":true,"testValue":"What is Kafka?"}},
			 {"id":"prompt","type":"template","config":{"template":"%s {{input.question}}"}},
			 {"id":"answer","type":"output","config":{"name":"answer","value":"{{prompt.text}}"}}],
			 "edges":[{"from":"question","to":"prompt"},{"from":"prompt","to":"answer"}]}
			"""
		.formatted("x".repeat(200_000));

	private LargeFlows() {
	}

}
