package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample's evaluation (JSON, Chinese and English) against a golden file, so that any change of
 * score or wording is seen in review. After an intended change, regenerate the golden files with
 * {@code ./mvnw test -Dtest=SamplesGoldenTest -Dgolden.update=true} and read the diff.
 */
class SamplesGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Object[]> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .flatMap(p -> Stream.of(new Object[] {p, "zh"}, new Object[] {p, "en"})).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("samples")
    void evaluateSampleShouldMatchItsGoldenFile(Path sample, String lang) throws IOException {
        CliRunner r = CliRunner.run("evaluate", "--lang", lang, sample.toString());
        assertThat(r.exitCode()).isIn(0, 3);
        assertThat(r.out()).as("every placeholder filled and every message found")
                .doesNotContainPattern("\\{[a-zA-Z.]+(:[a-z]+)?}").doesNotContainPattern("\\[[A-Z]{2}-\\d{3}\\.");
        String name = sample.getFileName().toString().replace(".json", "." + lang + ".json");
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
        }
        assertThat(r.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
