/**
 * Kafka in and out of the runner.
 *
 * <p>
 * Exactly one result per trigger, without Kafka transactions: a trigger is acknowledged
 * only after its result is on {@code executions.completed} (synchronous, acks=all,
 * idempotent producer), and offsets are committed only up to the lowest unfinished
 * trigger of each partition ({@link dev.flowgate.runner.messaging.PartitionState}). A
 * runner that dies may thus leave triggers uncommitted whose results are already out;
 * whoever takes the partition over first reads the same-numbered results partition from
 * the first uncommitted trigger's time on
 * ({@link dev.flowgate.runner.messaging.CompletedResultScanner}) and skips those
 * triggers. Until that look has succeeded, the partition stays paused and its triggers
 * are held back ({@link dev.flowgate.runner.messaging.TakeoverScans}). A runner giving a
 * partition up while healthy (stopping, or a rebalance) first lets its executions in
 * flight finish, publish and be committed, within a bound
 * ({@link dev.flowgate.runner.messaging.PartitionStates#drain}); it stops publishing for
 * whatever still runs then, or at once for a partition lost, so those abandoned
 * executions are run once more by the new owner.
 *
 * <p>
 * Kafka transactions were not used. Results finish out of order, so the offset a
 * transaction could commit with a result must still stay below the lowest unfinished
 * trigger; after a crash the finished triggers above it would replay all the same and
 * need this very check. A transactional producer also runs one transaction at a time, so
 * hundreds of executions would queue for commits, and every reader of the results (the
 * gateway, deployment-service, delivery-service) would have to read committed only. The
 * gap this approach leaves is a zombie runner that publishes after its partition was
 * reassigned without it noticing (a long GC pause, say); transactional fencing would
 * close that.
 */
package dev.flowgate.runner.messaging;
