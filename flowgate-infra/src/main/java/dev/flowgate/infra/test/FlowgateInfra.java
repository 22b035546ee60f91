package dev.flowgate.infra.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real Kafka, MongoDB and SMTP for an integration test, started once per JVM. Put it
 * before {@code @SpringBootTest}: it sets {@code spring.kafka.bootstrap-servers},
 * {@code spring.mongodb.uri}, {@code spring.mail.host} and {@code spring.mail.port}.
 *
 * @see TestInfrastructure
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FlowgateInfraExtension.class)
public @interface FlowgateInfra {

}
