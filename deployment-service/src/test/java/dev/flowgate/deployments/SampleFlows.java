package dev.flowgate.deployments;

/** Flow bodies for the API tests. */
public final class SampleFlows {

	/** The example of docs/flows.md: input, template, llm, output. */
	public static final String ANSWER = """
			{"name":"Answer","description":"Answers a question","nodes":[
			 {"id":"question","type":"input","config":{"name":"question","inputType":"text","required":true,"testValue":"What is Kafka?"}},
			 {"id":"prompt","type":"template","config":{"template":"Answer briefly: {{input.question}}"}},
			 {"id":"ask","type":"llm","config":{"model":"gpt-4o-mini","system":"Be terse.","prompt":"{{prompt.text}}","temperature":0.2,"maxTokens":200}},
			 {"id":"answer","type":"output","config":{"name":"answer","value":"{{ask.text}}"}}],
			 "edges":[{"from":"question","to":"prompt"},{"from":"prompt","to":"ask"},{"from":"ask","to":"answer"}]}
			""";

	/** A second version of {@link #ANSWER}: the template changed and an input added. */
	public static final String ANSWER_V2 = """
			{"name":"Answer v2","nodes":[
			 {"id":"question","type":"input","config":{"name":"question","inputType":"text","required":true,"testValue":"What is Kafka?"}},
			 {"id":"style","type":"input","config":{"name":"style","inputType":"text","required":false,"testValue":"pirate"}},
			 {"id":"prompt","type":"template","config":{"template":"Answer as a {{input.style}}: {{input.question}}"}},
			 {"id":"ask","type":"llm","config":{"model":"gpt-4o-mini","prompt":"{{prompt.text}}"}},
			 {"id":"answer","type":"output","config":{"name":"answer","value":"{{ask.text}}"}}],
			 "edges":[{"from":"question","to":"prompt"},{"from":"style","to":"prompt"},{"from":"prompt","to":"ask"},{"from":"ask","to":"answer"}]}
			""";

	/** Every input type, for the examples and the OpenAPI document. */
	public static final String TYPED_INPUTS = """
			{"name":"Typed","nodes":[
			 {"id":"text","type":"input","config":{"name":"title","inputType":"text","required":true,"testValue":"It's \\"quoted\\""}},
			 {"id":"count","type":"input","config":{"name":"count","inputType":"number","required":true,"testValue":3}},
			 {"id":"flag","type":"input","config":{"name":"flag","inputType":"boolean","testValue":true}},
			 {"id":"data","type":"input","config":{"name":"data","inputType":"json","testValue":{"a":[1,null,"x"]}}},
			 {"id":"doc","type":"input","config":{"name":"doc","inputType":"file_url","testValue":"https://example.com/a.pdf"}},
			 {"id":"joined","type":"template","config":{"template":"{{input.title}} {{input.count}} {{input.flag}} {{input.data}} {{input.doc}}"}},
			 {"id":"out","type":"output","config":{"name":"summary","value":"{{joined.text}}"}},
			 {"id":"raw","type":"output","config":{"name":"count_back","value":"{{input.count}}"}}],
			 "edges":[{"from":"text","to":"joined"},{"from":"count","to":"joined"},{"from":"flag","to":"joined"},
			  {"from":"data","to":"joined"},{"from":"doc","to":"joined"},{"from":"joined","to":"out"},{"from":"count","to":"raw"}]}
			""";

	private SampleFlows() {
	}

}
