package dev.flowgate.keys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flowgate.infra.test.FlowgateInfra;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service against real Kafka and MongoDB, and a stub of deployment-service's
 * HTTP API; one shared Spring context for every test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FlowgateInfra
@ExtendWith(DeploymentServiceStub.Extension.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface KeyServiceIntegrationTest {

}
