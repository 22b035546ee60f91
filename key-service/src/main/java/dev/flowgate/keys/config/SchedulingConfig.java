package dev.flowgate.keys.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the outbox republisher. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {

}
