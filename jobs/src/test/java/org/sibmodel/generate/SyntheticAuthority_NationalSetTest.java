package org.sibmodel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sib generate --authorities N}: one set of files with an LA column, each authority its own stream. */
class SyntheticAuthority_NationalSetTest {
  @TempDir Path tmp;

  @Test
  void theFirstAuthoritiesOfALargerSetAreTheSmallerSet() throws Exception {
    NationalSummary three = GenerateJob.runNational(new GenerateOptions(tmp.resolve("three").toString(), 2019, 2019, 7, 3));
    GenerateJob.runNational(new GenerateOptions(tmp.resolve("two").toString(), 2019, 2019, 7, 2));
    for (String file : List.of("header.csv", "episodes.csv", "uasc.csv")) {
      List<String> ofThree = Files.readAllLines(tmp.resolve("three/2018-19").resolve(file));
      List<String> ofTwo = Files.readAllLines(tmp.resolve("two/2018-19").resolve(file));
      assertTrue(ofThree.get(0).startsWith("LA,CHILD,"), ofThree.get(0));
      assertEquals(ofTwo, ofThree.stream().filter(l -> !l.startsWith("Z003,")).toList(), file);
    }
    List<String> episodes = Files.readAllLines(tmp.resolve("three/2018-19/episodes.csv"));
    Set<String> codes = episodes.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
    assertEquals(Set.of("Z001", "Z002", "Z003"), codes);
    assertEquals(episodes.size() - 1, three.episodeRows());
    assertEquals(3, three.authorities().size());
    assertNotEquals(three.authorities().get(0).sizeScale(), three.authorities().get(1).sizeScale());
    for (NationalSummary.Authority a : three.authorities()) {
      double low = SyntheticAuthority.MEAN_SIZE * (1 - SyntheticAuthority.SIZE_SPREAD);
      double high = SyntheticAuthority.MEAN_SIZE * (1 + SyntheticAuthority.SIZE_SPREAD);
      assertTrue(a.sizeScale() >= low && a.sizeScale() <= high, a.toString());
      assertTrue(a.episodeRows() > 0, a.toString());
    }
    assertTrue(Files.readString(tmp.resolve("three/README.md")).contains("SYNTHETIC"));
    assertTrue(Files.readString(tmp.resolve("three/generator_truth.json")).contains("\"size_scale\""));
  }

  @Test
  void authoritiesDrawTheirOwnChildren() {
    List<SyntheticAuthority> set = SyntheticAuthority.of(GenerateOptions.DEFAULT_SEED, 150);
    assertEquals(150, set.stream().map(SyntheticAuthority::seed).distinct().count());
    assertEquals("Z150", set.get(149).code());
    double mean = set.stream().mapToDouble(SyntheticAuthority::sizeScale).average().orElseThrow();
    // Spread evenly (a Weyl sequence): the mean of 150 is within 1/150 of the 0.67 x 1.5 range of the mean size.
    assertEquals(SyntheticAuthority.MEAN_SIZE, mean, SyntheticAuthority.MEAN_SIZE * 2 * SyntheticAuthority.SIZE_SPREAD / 150);
  }

  @Test
  void aBadNumberOfAuthoritiesIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GenerateOptions(tmp.resolve("x").toString(), 2019, 2019, 1, 0));
    assertTrue(e.getMessage().contains("--authorities 0"), e.getMessage());
  }
}
