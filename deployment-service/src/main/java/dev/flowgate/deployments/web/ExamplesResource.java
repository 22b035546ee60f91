package dev.flowgate.deployments.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.flowgate.deployments.domain.example.Examples;

/** Example code per language, each for the native, aicuflow and FluxPrompt endpoints. */
record ExamplesResource(Code curl, Code python, Code javascript, Code java) {

	static ExamplesResource of(Examples examples) {
		return new ExamplesResource(Code.of(examples.curl()), Code.of(examples.python()),
				Code.of(examples.javascript()), Code.of(examples.java()));
	}

	record Code(@JsonProperty("native") String nativeApi, String aicuflow, String fluxprompt) {

		static Code of(Examples.Snippets snippets) {
			return new Code(snippets.nativeApi(), snippets.aicuflow(), snippets.fluxprompt());
		}

	}

}
