package dev.flowgate.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The API's answer to a store failure, with Spring Boot's MVC set-up and
 * {@link StoreOutageConfiguration} imported as the services import it, and a service's
 * own advice (a 409 for a duplicate key, a catch-all 500) behind it. The failures are
 * those the listeners' tests raise ({@link StoreOutagesFailoverTest}): both paths take
 * the same ones for an outage.
 */
@SpringJUnitWebConfig(StoreUnavailableAdviceTest.Service.class)
class StoreUnavailableAdviceTest {

	private static final ServerAddress PRIMARY = new ServerAddress("mongo-0", 27017);

	private static final String UNAVAILABLE = """
			{"title": "Store unavailable", "status": 503,
			 "detail": "The store cannot be reached at the moment. Try again later.",
			 "instance": "/store"}""";

	private final MockMvc mvc;

	private final Store store;

	private final MongoExceptionTranslator translator = new MongoExceptionTranslator();

	StoreUnavailableAdviceTest(@Autowired WebApplicationContext context, @Autowired Store store) {
		this.mvc = MockMvcBuilders.webAppContextSetup(context).build();
		this.store = store;
	}

	@Test
	void answers503WithRetryAfterWhileMongoDbCannotBeReached() throws Exception {
		assertUnavailable(new DataAccessResourceFailureException("Timed out after 5000 ms while waiting for a server"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.flowgate.store.StoreOutagesFailoverTest#failovers")
	void answers503WithRetryAfterInAFailover(String what, RuntimeException raised, Class<?> translatedTo)
			throws Exception {
		assertUnavailable(translate(raised));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.flowgate.store.StoreOutagesFailoverTest#failovers")
	void answers503WithRetryAfterInAFailoverWhenNothingTranslatedIt(String what, RuntimeException raised,
			Class<?> translatedTo) throws Exception {
		// What is read from MongoTemplate.getCollection is not translated.
		assertUnavailable(raised);
	}

	@Test
	void answers503WhenAServiceWrappedTheOutage() throws Exception {
		assertUnavailable(new IllegalStateException("Recording the call failed",
				translate(new MongoServerUnavailableException("The server at mongo-0:27017 is no longer available"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.flowgate.store.StoreOutagesFailoverTest#badWrites")
	void leavesABadWriteToTheServicesOwnHandlers(String what, RuntimeException raised, Class<?> translatedTo)
			throws Exception {
		for (RuntimeException failure : List.of(translate(raised), raised)) {
			MockHttpServletResponse response = call(failure);

			assertThat(response.getStatus()).as("%s", failure).isIn(409, 500);
			assertThat(response.getHeader("Retry-After")).isNull();
		}
	}

	@Test
	void leavesADuplicateKeyToTheServicesConflict() throws Exception {
		assertThat(call(translate(new MongoWriteException(
				new WriteError(11000, "E11000 duplicate key", new BsonDocument()), PRIMARY, Set.of())))
			.getStatus()).isEqualTo(409);
		assertThat(call(
				translate(new MongoBulkWriteException(BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of()),
						List.of(new BulkWriteError(11000, "E11000 duplicate key", new BsonDocument(), 0)), null,
						PRIMARY, Set.of())))
			.getStatus()).isEqualTo(409);
	}

	@Test
	void leavesOtherStoreFailuresToTheServicesOwnHandlers() throws Exception {
		assertThat(call(new OptimisticLockingFailureException("revision 3 is not 2")).getStatus()).isEqualTo(500);
	}

	private void assertUnavailable(RuntimeException failure) throws Exception {
		MockHttpServletResponse response = call(failure);

		assertThat(response.getStatus()).as("%s", failure).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		JSONAssert.assertEquals(UNAVAILABLE, response.getContentAsString(), JSONCompareMode.STRICT);
	}

	private MockHttpServletResponse call(RuntimeException failure) throws Exception {
		this.store.failure = failure;
		return this.mvc.perform(get("/store")).andReturn().getResponse();
	}

	/** As MongoTemplate does: what the translator does not know is thrown as it is. */
	private RuntimeException translate(RuntimeException raised) {
		RuntimeException translated = this.translator.translateExceptionIfPossible(raised);
		return (translated != null) ? translated : raised;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class })
	@Import({ StoreOutageConfiguration.class, ServiceProblems.class, Store.class })
	static class Service {

		// What Spring Boot's Kafka and metrics set-up provide; nothing connects.
		@Bean
		ProducerFactory<Object, Object> producerFactory() {
			return new DefaultKafkaProducerFactory<>(Map.of());
		}

		@Bean
		KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
			return new KafkaTemplate<>(producerFactory);
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	/** Fails as the test says. */
	@RestController
	static class Store {

		private RuntimeException failure;

		@GetMapping("/store")
		String read() {
			throw this.failure;
		}

	}

	/** A service's own advice: after the store's, with a catch-all. */
	@RestControllerAdvice
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class ServiceProblems {

		@ExceptionHandler
		ProblemDetail conflict(DuplicateKeyException ex) {
			return ProblemDetail.forStatus(HttpStatus.CONFLICT);
		}

		@ExceptionHandler
		ProblemDetail unexpected(Exception ex) {
			return ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		}

	}

}
