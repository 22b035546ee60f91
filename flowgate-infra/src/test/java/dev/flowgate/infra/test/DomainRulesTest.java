package dev.flowgate.infra.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {

	@TempDir
	Path domain;

	@Test
	void namesEachLineOfCodeThatUsesAFrameworkType() throws IOException {
		Files.createDirectories(this.domain.resolve("key"));
		Files.writeString(this.domain.resolve("key/KeyService.java"), """
				package x.domain.key;

				import java.util.List;
				import org.springframework.stereotype.Service;

				/** Unlike org.springframework.stereotype.Component, a comment is no use. */
				class KeyService {
					// org.apache.kafka.clients is named here only
					Object store = new com.mongodb.client.MongoClient[0];
				}
				""");

		assertThat(DomainRules.frameworkTypesIn(this.domain)).containsExactly(
				"key/KeyService.java:4: import org.springframework.stereotype.Service;",
				"key/KeyService.java:9: Object store = new com.mongodb.client.MongoClient[0];");
	}

	@Test
	void findsNothingInPlainJava() throws IOException {
		Files.writeString(this.domain.resolve("Clock.java"), """
				package x.domain;

				import java.time.Clock;

				record Ticks(Clock clock) {
				}
				""");

		assertThat(DomainRules.frameworkTypesIn(this.domain)).isEmpty();
	}

}
