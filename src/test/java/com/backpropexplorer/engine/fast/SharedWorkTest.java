package com.backpropexplorer.engine.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every chunk of every job runs exactly once, whatever the interleaving of the two threads. */
class SharedWorkTest {

    @Test
    void everyChunkRunsOnceAcrossManyShortJobsOfVaryingSize() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (SharedWork work = new SharedWork("test-helper")) {
                for (int job = 0; job < 50_000; job++) {
                    int chunks = 1 + job % 7;
                    AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
                    work.run((chunk, thread) -> runs.incrementAndGet(chunk), chunks);
                    int[] expected = new int[chunks];
                    java.util.Arrays.fill(expected, 1);
                    int[] actual = new int[chunks];
                    for (int c = 0; c < chunks; c++) {
                        actual[c] = runs.get(c);
                    }
                    assertArrayEquals(expected, actual, "job " + job);
                }
            }
        });
    }

    @Test
    void theCallerSeesWhatEveryChunkWrote() {
        try (SharedWork work = new SharedWork("test-helper")) {
            long[] slots = new long[64];
            for (int round = 1; round <= 2000; round++) {
                long value = round;
                work.run((chunk, thread) -> slots[chunk] = value * chunk, slots.length);
                for (int c = 0; c < slots.length; c++) {
                    assertEquals(value * c, slots[c]);
                }
            }
        }
    }

    @Test
    void aChunkThatThrowsFailsTheRunAndTheNextRunWorks() {
        try (SharedWork work = new SharedWork("test-helper")) {
            assertThrows(IllegalStateException.class, () -> work.run((chunk, thread) -> {
                if (chunk == 3) {
                    throw new IllegalStateException("chunk 3");
                }
            }, 8));
            int[] ran = new int[1];
            work.run((chunk, thread) -> {
                synchronized (ran) {
                    ran[0]++;
                }
            }, 5);
            assertEquals(5, ran[0]);
        }
    }
}
