package io.melograph.recall;

import io.melograph.graph.GraphConnection;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionCallback;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A channel's read transaction within its time budget: run asynchronously, with the budget (plus a little) as the
 * server-side transaction timeout, while the caller stops waiting when the budget is spent and gets a
 * {@link RecallTimeoutException}; the server's timeout then ends the transaction and the session is closed after it.
 */
final class BudgetedRead {
    private BudgetedRead() {}

    static <T> T run(GraphConnection graph, String channel, Duration budget, AsyncTransactionCallback<CompletionStage<T>> work) {
        if (budget.isNegative() || budget.isZero()) {
            throw new RecallTimeoutException(channel, budget, null);
        }
        AsyncSession session = graph.driver().session(AsyncSession.class, graph.readWithoutBookmarks());
        CompletableFuture<T> read = session.executeReadAsync(work,
                TransactionConfig.builder().withTimeout(budget.plusMillis(5)).build()).toCompletableFuture();
        try {
            return read.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RecallTimeoutException(channel, budget, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecallTimeoutException(channel, budget, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof TransactionTerminatedException
                    || cause instanceof ClientException c && c.code() != null && c.code().contains("TransactionTimedOut")) {
                throw new RecallTimeoutException(channel, budget, cause);
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            // close only once the transaction has ended (the server's timeout ends it soon): a session closed while
            // its transaction still runs hands the pool a connection that is still in that transaction
            read.whenComplete((r, e) -> session.closeAsync());
        }
    }
}
