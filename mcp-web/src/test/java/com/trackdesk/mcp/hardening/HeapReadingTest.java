package com.trackdesk.mcp.hardening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load checks read the heap in use from {@code jcmd GC.heap_info}, whose wording depends on the collector
 * and the JDK (the lines below are copied from Temurin 25 and OpenJDK 17). A reading that fails gives -1, which
 * the load test reports as "not sampled" rather than comparing -1 with -1.
 */
class HeapReadingTest {

    @Test
    void g1OnJdk25ReportsTheWholeHeapOnOneLine() {
        assertThat(LoadDriver.heapUsedKiB("""
                garbage-first heap   total reserved 524288K, committed 389120K, used 9006K [0x00000000e0000000, 0x0000000100000000)
                 region size 1024K, 7 young (7168K), 3 survivors (3072K)
                """)).isEqualTo(9006);
    }

    @Test
    void g1OnJdk17HasNoReservedOrCommittedFigure() {
        assertThat(LoadDriver.heapUsedKiB("""
                 garbage-first heap   total 389120K, used 14997K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 14 young (14336K), 0 survivors (0K)
                """)).isEqualTo(14997);
    }

    @Test
    void theSerialCollectorIsReadGenerationByGeneration() {
        assertThat(LoadDriver.heapUsedKiB("""
                DefNew     total 116160K, used 14477K [0x00000000e0000000, 0x00000000e7e00000, 0x00000000eaaa0000)
                 eden space 103296K,  14% used [0x00000000e0000000, 0x00000000e0e235c0, 0x00000000e64e0000)
                Tenured    total 258048K, used 1166K [0x00000000eaaa0000, 0x00000000fa6a0000, 0x0000000100000000)
                 the  space 258048K,   0% used [0x00000000eaaa0000, 0x00000000eabc3ab8, 0x00000000fa6a0000)
                """)).isEqualTo(14477 + 1166);
        assertThat(LoadDriver.heapUsedKiB("""
                 def new generation   total 116160K, used 18593K [0x00000000e0000000, 0x00000000e7e00000, 0x00000000eaaa0000)
                 tenured generation   total 258048K, used 0K [0x00000000eaaa0000, 0x00000000fa6a0000, 0x0000000100000000)
                """)).as("JDK 17 wording").isEqualTo(18593);
    }

    @Test
    void theParallelCollectorIsReadGenerationByGeneration() {
        assertThat(LoadDriver.heapUsedKiB("""
                PSYoungGen      total 113152K, used 29386K [0x00000000f5580000, 0x00000000fd380000, 0x0000000100000000)
                ParOldGen       total 258048K, used 1166K [0x00000000e0000000, 0x00000000efc00000, 0x00000000f5580000)
                """)).isEqualTo(29386 + 1166);
    }

    @Test
    void anUnknownWordingIsNotSampled() {
        assertThat(LoadDriver.heapUsedKiB("ZHeap           used 12M, capacity 64M, max capacity 512M")).isEqualTo(-1);
        assertThat(LoadDriver.heapUsedKiB("")).isEqualTo(-1);
    }
}
