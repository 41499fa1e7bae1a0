package com.trackdesk.mcp.catalog.control;

import com.trackdesk.mcp.TestFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Trackdesk description the server ships is exactly the one the team recorded: a stray edit of the bundled
 * file (or of the vendored fixture the search evaluation reads) would silently change what every search finds.
 */
class BundledSpecTest {

    @Test
    void theBundledSpecIsTheRecordedTrackdeskDescription() throws Exception {
        String recorded = recordedChecksum();

        assertThat(sha256(getClass().getResourceAsStream("/trackdesk-openapi.json")))
                .as("catalog-ejb/src/main/resources/trackdesk-openapi.json against fixtures/specs/SOURCES.md")
                .isEqualTo(recorded);
        assertThat(sha256(Files.newInputStream(TestFixtures.spec("trackdesk.json"))))
                .as("fixtures/specs/trackdesk.json against fixtures/specs/SOURCES.md")
                .isEqualTo(recorded);
    }

    /** The sha256 line of the trackdesk.json section of SOURCES.md. */
    private static String recordedChecksum() throws IOException {
        String sources = Files.readString(TestFixtures.specs().resolve("SOURCES.md"));
        String section = sources.substring(sources.indexOf("## trackdesk.json"));
        var checksum = Pattern.compile("sha256 of the file as stored here: `([0-9a-f]{64})`").matcher(section);
        assertThat(checksum.find()).as("SOURCES.md records the checksum of trackdesk.json").isTrue();
        return checksum.group(1);
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        assertThat(in).as("file present").isNotNull();
        try (in) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
