package org.parallelsystemtools.pools;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolCallbackTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final ExecutorService handler = Executors.newSingleThreadExecutor(r -> new Thread(r, "result-handler"));
    private final String token = UUID.randomUUID().toString();
    private final AtomicReference<Thread> taskThread = new AtomicReference<>();
    private final AtomicReference<Thread> callbackThread = new AtomicReference<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private final CountDownLatch go = new CountDownLatch(1);

    /** Returns the token, but only once the test says go: so the callback is registered first. */
    private final Supplier<String> task = () -> {
        taskThread.set(Thread.currentThread());
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return token;
    };

    private final Consumer<String> callback = result -> {
        callbackThread.set(Thread.currentThread());
        received.set(result);
    };

    @AfterEach
    void stopPools() {
        pool.shutdownNow();
        handler.shutdownNow();
    }

    @Test
    void withAFutureTheCallerGetsTheResultAndCallsBack() throws Exception {
        go.countDown();
        PoolCallback.viaFuture(pool, task, callback);
        assertEquals(token, received.get());
        assertSame(Thread.currentThread(), callbackThread.get());
        assertNotEquals(Thread.currentThread(), taskThread.get());
    }

    @Test
    void thenAcceptCallsBackOnThePoolThreadThatCompletedTheTask() throws Exception {
        CompletableFuture<Void> done = PoolCallback.viaThenAccept(pool, task, callback);
        go.countDown();
        done.get(30, SECONDS);
        assertEquals(token, received.get());
        assertSame(taskThread.get(), callbackThread.get());
    }

    @Test
    void thenAcceptAsyncCallsBackOnTheResultHandlerThread() throws Exception {
        CompletableFuture<Void> done = PoolCallback.viaThenAcceptAsync(pool, handler, task, callback);
        go.countDown();
        done.get(30, SECONDS);
        assertEquals(token, received.get());
        assertEquals("result-handler", callbackThread.get().getName());
        assertNotEquals(taskThread.get(), callbackThread.get());
    }

    @Test
    void theProgramShowsTheFutureAndResultHandlerThreads() throws Exception {
        Output out = new Output();
        Output err = new Output();
        assertEquals(0, PoolCallback.run(new String[] {"--scale", "0"}, out.stream, err.stream));
        List<String> callbacks = out.lines().stream().filter(l -> l.startsWith("Callback executing in: ")).toList();
        assertEquals(3, callbacks.size(), out.text());
        String caller = Thread.currentThread().getName();
        assertEquals("Callback executing in: thread=" + caller, callbacks.get(0));
        assertEquals("Callback executing in: thread=result-handler", callbacks.get(2));
        assertEquals(3, out.lines().stream().filter(l -> l.equals("Result: completed")).count());
        assertEquals("Main thread: name=" + caller + ", pid=" + ProcessHandle.current().pid(), out.lines().get(out.lines().size() - 1));
    }

    @Test
    void anUnknownModeIsOneLineOnStderrAndExitCode2() throws Exception {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, PoolCallback.run(new String[] {"--mode", "later"}, out.stream, err.stream));
        assertEquals(List.of("PoolCallback: --mode must be one of all, future, thenAccept, thenAcceptAsync, not 'later'"),
                err.lines());
    }
}
