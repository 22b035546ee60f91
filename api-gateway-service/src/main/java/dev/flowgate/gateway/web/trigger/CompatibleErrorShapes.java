package dev.flowgate.gateway.web.trigger;

import dev.flowgate.gateway.web.error.CompatibleErrors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The compatible APIs' error shapes, for the errors their own advice never sees. */
@Configuration(proxyBeanMethods = false)
class CompatibleErrorShapes {

	@Bean
	CompatibleErrors aicuflowErrors() {
		return new CompatibleErrors("/node/", AicuflowResponse.Error::of);
	}

	@Bean
	CompatibleErrors fluxPromptErrors() {
		return new CompatibleErrors("/flux/", FluxResponse.Error::of);
	}

}
