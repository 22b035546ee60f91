package dev.flowgate.delivery.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.flowgate.infra.test.FlowgateInfra;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service against real Kafka, MongoDB and SMTP, with loopback allowed for the
 * local receivers; one shared Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@FlowgateInfra
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestHosts.class, TestClients.class })
public @interface DeliveryIntegrationTest {

}
