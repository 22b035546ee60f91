package dev.flowgate.deployments.web;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flowgate.deployments.domain.ConcurrentChangeException;
import dev.flowgate.deployments.domain.ConflictException;
import dev.flowgate.deployments.domain.PreconditionFailedException;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How the conflicts a retry resolves are answered: a change that lost to concurrent
 * writers every time (hard to provoke over a real store) tells the caller when to retry;
 * other conflicts do not.
 */
class RetryableConflictTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Conflicts())
		.setControllerAdvice(new ApiExceptionHandler())
		.build();

	@Test
	void answersAChangeThatLostToConcurrentWritersWith409AndRetryAfter() throws Exception {
		this.mvc.perform(get("/concurrent"))
			.andExpect(status().isConflict())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/concurrent-change"))
			.andExpect(jsonPath("$.title").value("Concurrent change"))
			.andExpect(jsonPath("$.detail").value("Deployment 'd-1' is being changed by another request; retry"));
	}

	@Test
	void answersAConflictWithTheStateWithoutRetryAfter() throws Exception {
		this.mvc.perform(get("/state"))
			.andExpect(status().isConflict())
			.andExpect(header().doesNotExist("Retry-After"));
	}

	@Test
	void answersAStalePreconditionWith412AndTheCurrentETag() throws Exception {
		this.mvc.perform(get("/stale"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("ETag", "\"4\""))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.detail")
				.value("Deployment 'd-1' has changed since it was read; read it again and retry"));
	}

	@RestController
	static class Conflicts {

		@GetMapping("/concurrent")
		String concurrent() {
			throw new ConcurrentChangeException("Deployment 'd-1' is being changed by another request; retry");
		}

		@GetMapping("/state")
		String state() {
			throw new ConflictException(ConflictException.Kind.IN_USE,
					"Flow 'f-1' is used by a deployment; delete the deployment first");
		}

		@GetMapping("/stale")
		String stale() {
			throw new PreconditionFailedException("Deployment", "d-1", 4);
		}

	}

}
