package dev.flowgate.delivery.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the due-delivery poller, the failure republisher and the retention sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {

}
