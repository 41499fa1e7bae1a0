package com.trackdesk.mcp.execution.control;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upstream answer bytes held at once, all calls together, stay within MCP_INSTANCE_ANSWER_BYTES. */
class AnswerBytesTest {

    static final long KIB = 1024;
    final AnswerBytes room = ExecutionParts.answerBytes(4 * KIB);

    static long inSeconds(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void whatACallReservedIsGivenBackWhenItEndsHoweverItEnds() {
        room.whileUsing(() -> room.reserve(3 * KIB, inSeconds(1)));
        assertThat(room.reservedBytes()).as("after a call that returned").isZero();

        assertThatThrownBy(() -> room.whileUsing(() -> {
            room.reserve(3 * KIB, inSeconds(1));
            throw new IllegalStateException("the answer could not be shaped");
        })).hasMessage("the answer could not be shaped");
        assertThat(room.reservedBytes()).as("after a call that failed").isZero();
    }

    @Test
    void theAnswerStaysCountedWhileItIsUsedAndWhatItDidNotNeedIsGivenBackAtOnce() {
        room.whileUsing(() -> {
            // an answer without a Content-Length reserves the most one answer may have, then keeps what it read
            assertThat(room.reserve(4 * KIB, inSeconds(1))).isTrue();
            room.keepOnly(1_500);
            assertThat(room.reservedBytes()).as("rounded up to whole kibibytes").isEqualTo(2 * KIB);
            return null;
        });
    }

    @Test
    void anotherAttemptsAnswerReplacesTheDroppedOneInsteadOfWaitingForIt() {
        // the bound holds exactly one answer: a retry that kept the first reservation would wait for itself
        room.whileUsing(() -> {
            assertThat(room.reserve(4 * KIB, inSeconds(1))).isTrue();
            assertThat(room.reserve(4 * KIB, System.nanoTime())).as("the retry's answer").isTrue();
            assertThat(room.reservedBytes()).isEqualTo(4 * KIB);
            return null;
        });
    }

    @Test
    void aCallPastTheBoundWaitsInLineAndReadsOnceAnotherCallHasUsedItsAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> room.whileUsing(() -> {
                room.reserve(3 * KIB, inSeconds(1));
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();
            Future<Boolean> waiter = pool.submit(() -> room.whileUsing(() -> room.reserve(2 * KIB, inSeconds(30))));
            awaitWaiting(1);

            assertThat(waiter).as("no room while the first answer is held").isNotDone();
            release.countDown();
            assertThat(waiter.get(10, TimeUnit.SECONDS)).as("room once it was used").isTrue();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallThatGetsNoRoomBeforeItsDeadlineIsToldSoAndHoldsNothing() {
        room.whileUsing(() -> {
            room.reserve(3 * KIB, inSeconds(1));
            assertThat(CompletableFuture.supplyAsync(() -> room.whileUsing(() -> {
                boolean got = room.reserve(2 * KIB, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
                return got + " " + room.reservedBytes();
            })).join()).as("refused, and only the first call's 3 KiB reserved").isEqualTo("false " + 3 * KIB);
            return null;
        });
        assertThat(room.reservedBytes()).isZero();
    }

    @Test
    void readingAnAnswerOutsideACallIsAProgrammingError() {
        // its reservation would never be given back, and the room would shrink for good
        assertThatThrownBy(() -> room.reserve(KIB, inSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside AnswerBytes.whileUsing");
        assertThatThrownBy(() -> room.whileUsing(() -> room.whileUsing(() -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("entered twice");
    }

    @Test
    void aBoundThatCannotHoldOneAnswerOfTheLargestSizeStopsTheDeployment() {
        assertThatThrownBy(() -> ExecutionParts.answerBytes(0))
                .hasMessageContaining("MCP_INSTANCE_ANSWER_BYTES must be a positive number of bytes");

        AnswerReader reader = new AnswerReader();
        reader.maxBytes = 1_048_576;
        reader.room = ExecutionParts.answerBytes(1_048_575);
        assertThatThrownBy(reader::checkSettings).hasMessageContaining(
                "MCP_INSTANCE_ANSWER_BYTES (1048575 bytes, all calls together) must be at least MCP_MAX_UPSTREAM_BYTES"
                        + " (1048576 bytes, one answer)");
        reader.room = ExecutionParts.answerBytes(1_048_576);
        reader.checkSettings();
    }

    private void awaitWaiting(int calls) throws InterruptedException {
        long deadline = inSeconds(10);
        while (room.waiting() < calls && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(room.waiting()).as("calls in line").isEqualTo(calls);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
