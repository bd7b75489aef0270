package io.labrunner.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EscapedKeyNamesTest {
    static Stream<String> keys() {
        return Stream.of("a", ".", "..", "a//b", "../x", "dir/", "é\0\uD83D\uDE00", "k".repeat(1024), "é".repeat(512));
    }

    static Stream<String> lengths() {
        return Stream.of(1, 2, 112, 113, 300).map("k"::repeat);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyKeyComesBackFromItsNameAndItsNameFitsAnyFileSystem(String key) {
        String name = EscapedKeyNames.encode(key);

        assertThat(EscapedKeyNames.decode(name)).contains(key);
        assertThat(name).matches("[a-z2-7_/]+");
        for (String segment : name.split("/")) {
            assertThat(segment.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(EscapedKeyNames.SEGMENT_CHARS + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void noKeysNameIsAFolderOfAnotherKeysName(String key) {
        String name = EscapedKeyNames.encode(key);
        String longer = EscapedKeyNames.encode(key + "k".repeat(200));

        assertThat(longer).doesNotStartWith(name + "/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-0f8fa8e1-2bd6-4a5e-9cf6-5e5bb3b3b4c1", "UPPER", ".mpus-x", ""})
    void aNameThisClassDidNotMakeIsNoKey(String name) {
        assertThat(EscapedKeyNames.decode(name)).isEmpty();
    }
}
