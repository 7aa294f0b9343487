package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One copy of each split per folder, shared by everyone who asks. */
class MnistCacheTest {
    @TempDir
    Path dir;

    @Test
    void aSplitIsLoadedOnceAndShared() throws Exception {
        MnistTest.writeSet(dir, 4, 3, true);
        MnistCache cache = new MnistCache();
        MnistDataset test = cache.test(dir);
        assertEquals(3, test.size());
        assertSame(test, cache.test(dir), "the same copy, not a second load");
        Mnist both = cache.both(dir.resolve("."));
        assertSame(test, both.test(), "the training set joins the test set already loaded");
        assertEquals(4, both.train().size());
        assertSame(both.train(), cache.both(dir).train());
    }

    @Test
    void anotherFolderReplacesWhatWasKept() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path first = Files.createDirectory(dir.resolve("first"));
        MnistTest.writeSet(first, 2, 2, true);
        MnistTest.writeSet(other, 5, 5, false);
        MnistCache cache = new MnistCache();
        MnistDataset kept = cache.test(first);
        assertEquals(5, cache.test(other).size());
        MnistDataset again = cache.test(first);
        assertEquals(2, again.size());
        assertNotSame(kept, again, "only one folder's sets are kept");
    }

    @Test
    void aFailedLoadIsTriedAgainNextTime() throws IOException {
        MnistCache cache = new MnistCache();
        assertThrows(DataException.class, () -> cache.test(dir));
        MnistTest.writeSet(dir, 2, 2, true);
        assertEquals(2, cache.test(dir).size());
    }

    @Test
    void threadsAskingAtOnceGetTheSameCopy() throws Exception {
        MnistTest.writeSet(dir, 50, 300, true);
        MnistCache cache = new MnistCache();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<MnistDataset> a = pool.submit(() -> cache.test(dir));
            Future<MnistDataset> b = pool.submit(() -> cache.test(dir));
            Future<Mnist> c = pool.submit(() -> cache.both(dir));
            assertSame(a.get(), b.get());
            assertSame(a.get(), c.get().test());
        } finally {
            pool.shutdownNow();
        }
    }
}
