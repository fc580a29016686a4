package org.sibmodel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedSample_CopiesTest {
  @TempDir Path tmp;

  private Path sample() throws IOException {
    Path year = Files.createDirectories(tmp.resolve("sample/2018"));
    Files.writeString(year.resolve("episodes.csv"), "CHILD,DECOM,RNE\n101,01/04/2017,S\n102,02/05/2017,P\n");
    Files.writeString(year.resolve("header.csv"), "SEX,CHILD,DOB\n1,101,01/01/2010\n");
    return tmp.resolve("sample");
  }

  @Test
  void eachCopyIsTheSameRowsWithChildIdsAMillionApart() throws IOException {
    long episodes = ReplicatedSample.write(sample(), tmp.resolve("big"), 3);

    assertEquals(6, episodes, "episode rows written: 2 rows x 3 copies");
    assertEquals(List.of("CHILD,DECOM,RNE", "101,01/04/2017,S", "102,02/05/2017,P", "1000101,01/04/2017,S", "1000102,02/05/2017,P",
        "2000101,01/04/2017,S", "2000102,02/05/2017,P"), Files.readAllLines(tmp.resolve("big/2018/episodes.csv")));
    assertEquals(List.of("SEX,CHILD,DOB", "1,101,01/01/2010", "1,1000101,01/01/2010", "1,2000101,01/01/2010"),
        Files.readAllLines(tmp.resolve("big/2018/header.csv")), "CHILD is found by name in every file, wherever it stands");
  }

  @Test
  void refusesAnExistingTargetAndAFileWithoutChildIds() throws IOException {
    Path sample = sample();
    Files.createDirectories(tmp.resolve("taken"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplicatedSample.write(sample, tmp.resolve("taken"), 2))
        .getMessage().contains("already exists"));

    Files.writeString(sample.resolve("2018/uasc.csv"), "ID,DUC\n7,01/01/2020\n");
    String message = assertThrows(IllegalArgumentException.class, () -> ReplicatedSample.write(sample, tmp.resolve("new"), 2)).getMessage();
    assertTrue(message.contains("uasc.csv") && message.contains("no CHILD column"), message);

    Files.writeString(sample.resolve("2018/uasc.csv"), "CHILD,DUC\nX7,01/01/2020\n");
    message = assertThrows(IllegalArgumentException.class, () -> ReplicatedSample.write(sample, tmp.resolve("new2"), 2)).getMessage();
    assertTrue(message.contains("uasc.csv row 2: CHILD is not a whole number"), message);
  }
}
