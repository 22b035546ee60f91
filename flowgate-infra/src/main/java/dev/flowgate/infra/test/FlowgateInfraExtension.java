package dev.flowgate.infra.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the {@link TestInfrastructure} (once per JVM) and points Spring Boot at it. */
public final class FlowgateInfraExtension implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestInfrastructure.get().exportSystemProperties();
	}

}
