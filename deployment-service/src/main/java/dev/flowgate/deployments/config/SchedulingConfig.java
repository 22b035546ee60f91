package dev.flowgate.deployments.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the republishers and the retention sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {

}
