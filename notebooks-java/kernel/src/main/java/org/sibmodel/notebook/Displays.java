package org.sibmodel.notebook;

import java.util.Collection;
import org.apache.spark.sql.Dataset;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * How the kernel shows a cell's value, beyond jjava-jupyter's own (images, URLs, text): a Dataset,
 * and a list or array of rows, records or maps, as a {@link Table} of its first {@link Table#ROWS}
 * rows; an XChart chart as a PNG. Anything else is its {@code toString()}.
 */
final class Displays {
  private Displays() {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  static void register(Renderer renderer) {
    renderer.createRegistration(Dataset.class)
        .preferring(MIMEType.TEXT_HTML)
        .register((data, context) -> Table.of((Dataset<?>) data, Table.ROWS).render(context));
    renderer.createRegistration(Collection.class)
        .preferring(MIMEType.TEXT_HTML)
        .register((items, context) -> items(items, context));
    // An array's class has no superclass but Object (Row[] is not an Object[] to the renderer).
    renderer.createRegistration(Object.class)
        .preferring(MIMEType.TEXT_HTML)
        .register((value, context) -> {
          if (value.getClass().isArray()) {
            items(value, context);
          }
        });
    renderer.createRegistration(Chart.class)
        .preferring(MIMEType.IMAGE_PNG)
        .register((chart, context) -> chart((Chart<?, ?>) chart, context));
  }

  private static void items(Object items, RenderContext context) {
    Table.ofItems(items, Table.ROWS).ifPresent(t -> t.render(context));
  }

  private static void chart(Chart<?, ?> chart, RenderContext context) {
    Image.renderImage(BitmapEncoder.getBufferedImage(chart), context);
    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "chart: " + chart.getTitle());
  }
}
