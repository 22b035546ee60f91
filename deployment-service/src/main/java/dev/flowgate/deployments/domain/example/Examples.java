package dev.flowgate.deployments.domain.example;

/** Ready-to-run client code for one deployment, per language and endpoint. */
public record Examples(Snippets curl, Snippets python, Snippets javascript, Snippets java) {

	/** One language's code for the native, aicuflow and FluxPrompt endpoints. */
	public record Snippets(String nativeApi, String aicuflow, String fluxprompt) {

	}

}
