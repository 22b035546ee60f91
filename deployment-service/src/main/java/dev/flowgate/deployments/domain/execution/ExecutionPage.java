package dev.flowgate.deployments.domain.execution;

import java.util.List;

import dev.flowgate.deployments.domain.TimeCursor;

/** A page of executions and the cursor of the next one, {@code null} on the last page. */
public record ExecutionPage(List<ExecutionRecord> items, TimeCursor next) {
}
