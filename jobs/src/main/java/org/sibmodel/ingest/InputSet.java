package org.sibmodel.ingest;

import java.util.List;
import java.util.Map;

/**
 * The SSDA903 files found under {@code --input}.
 *
 * @param root the input folder, qualified
 * @param layout how the returns are laid out
 * @param files the header, episodes and uasc files, in a stable order (by folder, then kind)
 * @param ignored other files found (reviews, missing, …), relative paths, reported not read
 * @param extraColumns per file (relative path), columns beyond the declared ones, ignored
 */
public record InputSet(
    String root,
    Layout layout,
    List<InputFile> files,
    List<String> ignored,
    Map<String, List<String>> extraColumns)
    implements java.io.Serializable {

  /** The two layouts tools produce. */
  public enum Layout {
    /** One folder per collection year, named by its label (2019, 2018-19, …). */
    YEARLY_FOLDERS,
    /** One folder: one return, or several told apart by a YEAR column. */
    SINGLE_FOLDER
  }

  public InputSet {
    files = List.copyOf(files);
    ignored = List.copyOf(ignored);
    extraColumns = Map.copyOf(extraColumns);
  }

  public InputFile file(int id) {
    return files.get(id);
  }

  public List<InputFile> files(Ssda903File kind) {
    return files.stream().filter(f -> f.kind() == kind).toList();
  }
}
