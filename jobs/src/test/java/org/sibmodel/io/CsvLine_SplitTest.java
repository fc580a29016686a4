package org.sibmodel.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

class CsvLine_SplitTest {
  private static final CSVFormat COMMONS = CSVFormat.DEFAULT.builder().setTrim(true).get();

  private static String[] commons(String line) throws IOException {
    try (CSVParser p = CSVParser.parse(new StringReader(line), COMMONS)) {
      return p.getRecords().get(0).values();
    }
  }

  @Test
  void plainLinesSplitExactlyAsCommonsCsvSplitsThem() throws IOException {
    List<String> lines = List.of("398768,09/04/2017,S,L3,N1,U4,PR1,31/10/2017,E7,,V28 5OY,H8 7NR,1679094", "a", " a , b ,c ",
        ",,", "a,", ",a", "\ta\t,b", "  ", "x,\u00a0y\u00a0,z", "é,ü,£");
    for (String line : lines) {
      assertArrayEquals(commons(line), CsvLine.split(line), line);
    }
    Random random = new Random(7);
    String alphabet = "ab ,\t1/";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int c = 1 + random.nextInt(20); c > 0; c--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertArrayEquals(commons(line.toString()), CsvLine.split(line.toString()), "[" + line + "]");
    }
  }

  @Test
  void aFieldIsTheFieldSplitGivesAndNullPastTheLastOne() {
    List<String> lines = List.of("398768,09/04/2017,S,L3,N1", "a", " a , b ,c ", ",,", "a,", ",a", "\"a,b\", c ,\"\"", "  ");
    Random random = new Random(11);
    String alphabet = "ab ,\t1/\"";
    List<String> randomLines = new java.util.ArrayList<>(lines);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder line = new StringBuilder();
      for (int c = 1 + random.nextInt(20); c > 0; c--) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      randomLines.add(line.toString());
    }
    int checked = 0;
    for (String line : randomLines) {
      String[] fields;
      try {
        fields = CsvLine.split(line);
      } catch (IllegalArgumentException malformed) {
        for (int i = 0; i < 3; i++) {
          int index = i;
          assertThrows(IllegalArgumentException.class, () -> CsvLine.field(line, index), "[" + line + "]");
        }
        continue;
      }
      for (int i = 0; i <= fields.length + 1; i++) {
        assertEquals(i < fields.length ? fields[i] : null, CsvLine.field(line, i), "[" + line + "] field " + i);
        checked++;
      }
    }
    assertTrue(checked > 5_000, "checked " + checked);
  }

  @Test
  void quotedFieldsStillFollowRfc4180AndAnUnterminatedQuoteIsAnError() {
    assertArrayEquals(new String[] {"a,b", "c \"d\"", ""}, CsvLine.split("\"a,b\",\"c \"\"d\"\"\",\"\""));
    assertThrows(IllegalArgumentException.class, () -> CsvLine.split("a,\"b"));
    assertThrows(IllegalArgumentException.class, () -> CsvLine.split(""));
  }
}
