package dev.flowgate.store;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StoreUnavailableAdviceTest {

	// The services' own advice, with its catch-all, comes after this one.
	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Store())
		.setControllerAdvice(new CatchAll(), new StoreUnavailableAdvice(Duration.ofSeconds(5)))
		.build();

	@Test
	void answers503WithRetryAfterWhileMongoDbCannotBeReached() throws Exception {
		this.mvc.perform(get("/unreachable"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Store unavailable"))
			.andExpect(jsonPath("$.status").value(503));
	}

	@Test
	void leavesOtherStoreFailuresToTheServicesOwnHandlers() throws Exception {
		this.mvc.perform(get("/conflict")).andExpect(status().isInternalServerError());
	}

	@RestController
	static class Store {

		@GetMapping("/unreachable")
		String unreachable() {
			throw new DataAccessResourceFailureException("Timed out after 5000 ms while waiting for a server");
		}

		@GetMapping("/conflict")
		String conflict() {
			throw new OptimisticLockingFailureException("revision 3 is not 2");
		}

	}

	@RestControllerAdvice
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class CatchAll {

		@ExceptionHandler
		ProblemDetail unexpected(Exception ex) {
			return ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		}

	}

}
