package dev.flowgate.delivery.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the due-delivery poller and the failure republisher. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {

}
