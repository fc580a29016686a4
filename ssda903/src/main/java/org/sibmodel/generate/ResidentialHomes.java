package org.sibmodel.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The children's homes (K2) and residential care homes (R1) the synthetic county places children
 * in, each with a 7-digit URN and a postcode sector; a share are outside the county. Drawn once per
 * run from the seed's provider stream, so the same home keeps its URN and postcode across children
 * and years, as real providers do.
 */
final class ResidentialHomes {
  static final Set<String> PLACES = Set.of("K2", "R1");

  /** One home. */
  record Home(String place, String urn, String sector) {}

  private final List<Home> childrensHomes;
  private final List<Home> careHomes;

  private ResidentialHomes(List<Home> childrensHomes, List<Home> careHomes) {
    this.childrensHomes = List.copyOf(childrensHomes);
    this.careHomes = List.copyOf(careHomes);
  }

  static ResidentialHomes draw(SyntheticCountyModel model, long seed) {
    SplittableRandom rng = Streams.of(seed, Streams.PROVIDERS);
    SyntheticCountyModel.Placements placements = model.placements();
    SyntheticCountyModel.Postcodes postcodes = model.postcodes();
    List<String> districts = List.copyOf(postcodes.homeSectorsByDistrict().keySet());
    int total = placements.residentialHomes();
    // Residential care homes (R1) are far fewer than children's homes (K2): one in eight (assumed).
    int careHomeCount = Math.max(1, total / 8);
    Set<String> urns = new HashSet<>();
    List<Home> childrens = new ArrayList<>();
    List<Home> care = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      String urn;
      do {
        urn = Integer.toString(1_000_000 + rng.nextInt(9_000_000));
      } while (!urns.add(urn));
      List<String> sectors =
          rng.nextDouble() < placements.residentialHomesOutOfCountyShare()
              ? postcodes.placementOutOfCountySectors()
              : postcodes.homeSectorsByDistrict().get(districts.get(rng.nextInt(districts.size())));
      String sector = sectors.get(rng.nextInt(sectors.size()));
      if (i < careHomeCount) {
        care.add(new Home("R1", urn, sector));
      } else {
        childrens.add(new Home("K2", urn, sector));
      }
    }
    return new ResidentialHomes(childrens, care);
  }

  Home pick(String place, SplittableRandom rng) {
    List<Home> pool = "R1".equals(place) ? careHomes : childrensHomes;
    return pool.get(rng.nextInt(pool.size()));
  }
}
