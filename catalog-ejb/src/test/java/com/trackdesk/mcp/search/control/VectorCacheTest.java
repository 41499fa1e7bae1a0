package com.trackdesk.mcp.search.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VectorCacheTest {

    @TempDir
    Path dir;

    @Test
    void vectorsWrittenAreReadBackUnderTheSameKey() {
        var cache = new VectorCache(dir);
        var key = VectorCache.key(List.of("list affiliates", "create a coupon"));
        cache.write(key, new OperationVectors(new float[][] {{0.6f, 0.8f}, {1f, 0f}}));

        var read = cache.read(key, 2);

        assertThat(read).hasValueSatisfying(vectors -> {
            assertThat(vectors.size()).isEqualTo(2);
            assertThat(vectors.vectors()[0]).containsExactly(0.6f, 0.8f);
        });
    }

    @Test
    void anyChangedOperationTextGetsAnotherKey() {
        assertThat(VectorCache.key(List.of("list affiliates", "create a coupon")))
                .isNotEqualTo(VectorCache.key(List.of("list affiliates", "create a voucher")))
                .isNotEqualTo(VectorCache.key(List.of("list affiliates")))
                .isEqualTo(VectorCache.key(List.of("list affiliates", "create a coupon")));
    }

    @Test
    void aTruncatedOrForeignFileIsIgnored() throws Exception {
        var cache = new VectorCache(dir);
        var key = VectorCache.key(List.of("a", "b"));
        cache.write(key, new OperationVectors(new float[][] {{1f, 0f}, {0f, 1f}}));
        var file = dir.resolve(key + ".vectors");
        var bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));

        assertThat(cache.read(key, 2)).isEmpty();
        assertThat(cache.read(VectorCache.key(List.of("other")), 2)).isEmpty();
    }

    @Test
    void anUnwritableDirectoryOnlyCostsTheNextStartTheComputation() throws Exception {
        var notADirectory = Files.writeString(dir.resolve("file"), "x");
        var cache = new VectorCache(notADirectory.resolve("cache"));

        cache.write("k", new OperationVectors(new float[][] {{1f}}));

        assertThat(cache.read("k", 1)).isEmpty();
    }
}
